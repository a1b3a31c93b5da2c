/** A person as the bot names them: a Discord user id and the name shown for it. */
export interface Person {
  id: string;
  name: string;
}

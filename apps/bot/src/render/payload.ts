/**
 * The shape of a reply, independent of Discord: handlers and renderers
 * produce it; the Discord adapter and the console each translate it. The
 * embed fields match Discord's API so the adapter passes them through.
 */
export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: EmbedField[];
  footer?: { text: string };
}

export type ButtonStyle = 'primary' | 'secondary' | 'danger' | 'link';

export interface Button {
  label: string;
  style: ButtonStyle;
  /** The id a press comes back with; for link buttons, absent. */
  customId?: string;
  url?: string;
}

export interface Attachment {
  name: string;
  description: string;
  content: string;
}

export interface Reply {
  /** Only the member who ran the command sees it. */
  ephemeral: boolean;
  content?: string;
  embeds?: Embed[];
  buttons?: Button[];
  files?: Attachment[];
  /**
   * The only members this message notifies (a reminder pings the member it is
   * for); absent: nobody, whatever mentions the text holds.
   */
  pings?: readonly string[];
}

/** A one-line text box of a modal; `customId` comes back with what was typed. */
export interface TextInput {
  customId: string;
  label: string;
  required: boolean;
  maxLength: number;
  /** Shown filled in (what the member already gave, or typed before). */
  value?: string;
  placeholder?: string;
}

/** A form Discord shows over the chat (a modal); its submission comes back with `customId`. */
export interface Modal {
  customId: string;
  title: string;
  inputs: TextInput[];
}

/** One choice in an autocomplete list. */
export interface Choice {
  name: string;
  value: string;
}

/** Colours say the state at a glance; meaning never depends on them alone. */
export const COLORS = {
  info: 0x2f6fde,
  good: 0x2e9e5b,
  warn: 0xe0a100,
  bad: 0xd13b3b,
} as const;

/** Discord's limits, which renderers respect so a long list never breaks a reply. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  embeds: 10,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  optionDescription: 100,
  buttonLabel: 80,
  linkUrl: 512,
  customId: 100,
  modalTitle: 45,
  modalInputs: 5,
  inputLabel: 45,
  inputValue: 4000,
  placeholder: 100,
} as const;

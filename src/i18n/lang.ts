// The two languages of larsam's output.
export type Lang = 'sv' | 'en';

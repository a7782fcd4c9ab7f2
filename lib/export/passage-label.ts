// The label of a passage in Markdown and CSV: its block's label ("¶7", "Caption 1"), or the
// first and last block's for a passage across blocks ("¶1–2", "Heading – ¶3").

const NUMBERED = /^(.*?)(\d+)$/;

export function passageLabel(startLabel: string, endLabel: string): string {
  if (startLabel === endLabel) return startLabel;
  const s = NUMBERED.exec(startLabel);
  const e = NUMBERED.exec(endLabel);
  if (s && e && s[1] === e[1]) return `${startLabel}–${e[2]}`;
  return `${startLabel} – ${endLabel}`;
}

/** Fills `{name}` placeholders of a UI string; unknown placeholders stay visible so they get noticed. */
export function fillMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

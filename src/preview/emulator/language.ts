/**
 * Error messages in the user's language. Jira answers `errorMessages` and per-field `errors` in the
 * language of the person calling, so a client must decide by status code and structure, never by
 * wording. With `language: 'de'` the emulator answers every error in German: the sentences it
 * knows are translated (keys and names stay), anything else becomes a German sentence for its
 * status, so no English wording reaches the client.
 */
import type { Reply } from './http';

export type Language = 'en' | 'de';
export const LANGUAGES: readonly Language[] = ['en', 'de'];

type Rule = [RegExp, (...groups: string[]) => string];

const GERMAN: Rule[] = [
  [/^Issue does not exist or you do not have permission to see it\.$/, () => 'Der Vorgang existiert nicht, oder Sie haben keine Berechtigung, ihn anzuzeigen.'],
  [/^The property with key '(.*)' does not exist\.$/, (k) => `Die Eigenschaft mit dem Schlüssel '${k}' ist nicht vorhanden.`],
  [/^An issue with key '(.*)' does not exist for field '(.*)'\.$/, (k, f) => `Für das Feld '${f}' gibt es keinen Vorgang mit dem Schlüssel '${k}'.`],
  [/^The value '(.*)' does not exist for the field '(.*)'\.$/, (v, f) => `Der Wert '${v}' ist für das Feld '${f}' nicht vorhanden.`],
  [/^Field '(.*)' does not exist or you do not have permission to view it\.$/, (f) => `Das Feld '${f}' existiert nicht, oder Sie haben keine Berechtigung, es anzuzeigen.`],
  [/^Field '(.*)' cannot be set\. It is not on the appropriate screen, or unknown\.$/, (f) => `Das Feld '${f}' kann nicht festgelegt werden. Es ist nicht auf der passenden Maske oder unbekannt.`],
  [/^You do not have the '(.*)' permission for issue (.*)\.$/, (p, k) => `Ihnen fehlt die Berechtigung '${p}' für den Vorgang ${k}.`],
  [/^No project could be found with key '(.*)'\.$/, (k) => `Es wurde kein Projekt mit dem Schlüssel '${k}' gefunden.`],
  [/^Specify a valid project ID or key$/, () => 'Geben Sie eine gültige Projekt-ID oder einen gültigen Projektschlüssel an.'],
  [/^The issue type selected is invalid\.$/, () => 'Der ausgewählte Vorgangstyp ist ungültig.'],
  [/^You must specify a summary of the issue\.$/, () => 'Sie müssen eine Zusammenfassung für den Vorgang angeben.'],
  [/^Error in the JQL Query: (.*)$/, () => 'Fehler in der JQL-Abfrage.'],
];

const GERMAN_BY_STATUS: Record<number, string> = {
  400: 'Die Anfrage ist ungültig.',
  401: 'Sie sind nicht angemeldet.',
  403: 'Sie haben keine Berechtigung für diese Aktion.',
  404: 'Das Angeforderte wurde nicht gefunden.',
  405: 'Diese Methode ist hier nicht erlaubt.',
  409: 'Es ist ein Konflikt aufgetreten.',
  410: 'Diese Schnittstelle wurde entfernt.',
  413: 'Die Anfrage ist zu groß.',
  429: 'Zu viele Anfragen. Versuchen Sie es später erneut.',
};

function german(message: string, status: number): string {
  for (const [pattern, render] of GERMAN) {
    const m = pattern.exec(message);
    if (m) return render(...m.slice(1));
  }
  return GERMAN_BY_STATUS[status] ?? (status >= 500 ? 'Auf dem Server ist ein Fehler aufgetreten.' : 'Die Anfrage konnte nicht ausgeführt werden.');
}

/** The reply with its error body in `language` (successful replies are left as they are). */
export function localize(reply: Reply, language: Language): Reply {
  if (language === 'en' || reply.status < 400) return reply;
  const body = reply.body as { errorMessages?: unknown; errors?: unknown } | undefined;
  const headers = { ...reply.headers, 'content-language': language };
  if (!body || typeof body !== 'object') return { ...reply, headers };
  const messages = Array.isArray(body.errorMessages) ? body.errorMessages.map((m) => german(String(m), reply.status)) : [];
  const errors = body.errors && typeof body.errors === 'object' ? Object.fromEntries(Object.entries(body.errors).map(([field, m]) => [field, german(String(m), reply.status)])) : {};
  return { ...reply, headers, body: { ...body, errorMessages: messages, errors } };
}

/** German: The landing page. `{name}` placeholders are filled by t(). */
export default {
  'landing.title': 'Abstimmen per Tablet – so einfach wie per Handzeichen',
  'landing.lead': 'Digitale Abstimmung für Rat, Kreistag und Ausschüsse: Die Mitglieder stimmen am Tablet, die Sitzungsleitung steuert, die Saalanzeige zeigt das Ergebnis.',
  'landing.todo': 'Diese Seite ist nur der Eingang. Bitte öffnen Sie den persönlichen Link oder scannen Sie den QR-Code, den Sie von der Protokollführung erhalten haben.',
  'landing.rolesHeading': 'Was ist zu tun?',
  'landing.member.title': 'Als Mitglied',
  'landing.member.text': 'Scannen Sie den QR-Code auf Ihrer Karte mit dem Tablet. Sie sehen den aktuellen Tagesordnungspunkt; während einer Abstimmung tippen Sie auf Ja, Nein oder Enthaltung.',
  'landing.chair.title': 'Als Sitzungsleitung',
  'landing.chair.text': 'Öffnen Sie Ihren Leitungs-Link am Laptop oder Tablet. Links steht die Tagesordnung, rechts der aktuelle Punkt mit dem nächsten Schritt als großer Schaltfläche.',
  'landing.display.title': 'Für die Saalanzeige',
  'landing.display.text': 'Öffnen Sie den Anzeige-Link am Rechner des Beamers. Sprache und Farbschema lassen sich im Link festlegen, zum Beispiel mit ?\u2060lang=en oder ?\u2060theme=dark.',
  'landing.trustHeading': 'Worauf Sie sich verlassen können',
  'landing.fact.saved': 'Eine Stimme gilt erst als abgegeben, wenn der Server sie dauerhaft gespeichert hat – das Tablet zeigt dann „gespeichert“.',
  'landing.fact.tally': 'Während der Abstimmung zeigt der Saal nur, wie viele abgestimmt haben, nie einen Zwischenstand.',
  'landing.fact.minutes': 'Das Ergebnis steht im Wortlaut des Ratsinformationssystems für die Niederschrift bereit.',
  'landing.footer': 'Handzeichen – Fragen zur Sitzung beantwortet die Protokollführung.',
} as const;

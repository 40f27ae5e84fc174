/** German: § 68 on the tablet (loaded with the control, only when a member may use it). */
export default {
  'record.ask': 'Mein Abstimmverhalten im Protokoll vermerken',
  'record.confirm': 'Das Protokoll hält dann mit Ihrem Namen fest, wie Sie gestimmt haben. Vermerken lassen?',
  'record.yes': 'Ja, vermerken',
  'record.cancel': 'Abbrechen',
  'record.done': 'Ihr Abstimmverhalten wird im Protokoll vermerkt.',
  'record.undo': 'Zurücknehmen',
  'record.failed': 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
} as const;

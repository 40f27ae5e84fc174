/** German: what a vote decides (amendment, amended main motion, Sammelabstimmung), on every screen. */
export default {
  'motion.amendment': 'Änderungsantrag {n} {mover} zu {item}',
  'motion.mainAmended': 'Hauptantrag in der geänderten Fassung zu {item}',
  'motion.main': 'Hauptantrag zu {item} (ohne Änderungen)',
  'motion.bloc': 'Sammelabstimmung {items}',
  'motion.blocHint': 'Ein Ergebnis für alle diese Tagesordnungspunkte:',
} as const;

/** English: what a vote decides (amendment, amended main motion, vote en bloc), on every screen. */
export default {
  'motion.amendment': 'Amendment {n} ({mover}) on {item}',
  'motion.mainAmended': 'Main motion as amended, {item}',
  'motion.main': 'Main motion, {item} (unamended)',
  'motion.bloc': 'Vote en bloc: {items}',
  'motion.blocHint': 'One result for all of these items:',
} as const;

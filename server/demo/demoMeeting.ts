import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';

/**
 * The demo meeting, after the seed minute: Landkreis Peine, committee for health, labour and
 * social affairs, 22 March 2022. Marotz, Wilke and Kirchmann appear in the seed; the other
 * names are invented.
 */
export const DEMO_MEETING: MeetingSpecInput = {
  body: 'Landkreis Peine',
  organization: 'Ausschuss für Gesundheit, Arbeit und Soziales',
  name: '2. Sitzung des Ausschusses für Gesundheit, Arbeit und Soziales',
  start: '2022-03-22T17:00:00+01:00',
  location: 'Mensa des Schulzentrum Ilsede, Am Schulzentrum 35, 31241 Ilsede',
  rules: 'NKomVG',
  members: [
    { id: 'p1', name: 'Herr Marotz', role: 'chair', votingRight: true },
    { id: 'p2', name: 'Frau Wilke', role: 'deputy', votingRight: true },
    { id: 'p3', name: 'Herr Kirchmann', votingRight: true },
    { id: 'p4', name: 'Frau Schrader', votingRight: true },
    { id: 'p5', name: 'Herr Brandes', votingRight: true },
    { id: 'p6', name: 'Frau Lüddecke', votingRight: true },
    { id: 'p7', name: 'Herr Oppermann', votingRight: true },
    { id: 'p8', name: 'Frau Bertram', votingRight: true },
    { id: 'p9', name: 'Herr Kühn', votingRight: true },
    { id: 'p10', name: 'Frau Nolte', votingRight: true },
    { id: 'p11', name: 'Herr Ahrens', role: 'advisory', votingRight: false },
  ],
  agenda: [
    { number: 'Ö 1', name: 'Eröffnung der Sitzung, Feststellung der ordnungsgemäßen Ladung und der Beschlussfähigkeit' },
    { number: 'Ö 2', name: 'Feststellung der Tagesordnung' },
    { number: 'Ö 3', name: 'Genehmigung des Protokolls über die 1. Sitzung' },
    { number: 'Ö 10', name: 'Förderung der Schuldner- und Insolvenzberatung 2022', paper: '2022/027' },
    { number: 'Ö 11', name: 'Bericht der Verwaltung zur Aufnahme Geflüchteter aus der Ukraine' },
    { number: 'Ö 12', name: 'Integrationskonzept des Landkreises Peine', paper: '2022/032' },
    { number: 'Ö 13', name: 'Anfragen und Mitteilungen' },
    { number: 'N 1', name: 'Vergabe der Trägerschaft der Migrationsberatung', public: false, paper: '2022/041' },
  ],
};

import type { TemplateItemDraft } from '../plan/plan-writer';

/** The sample rollout: a store-systems refresh across six stores in two waves. */
export const SAMPLE_DEPLOYMENT = {
  name: 'Store systems refresh',
  version: '2026.4',
  description:
    'Replace the in-store server, network and point-of-sale hardware and roll out POS software 2026.4. Pilot in two stores, then four more.',
  quietPeriodDays: 14,
};

export const SAMPLE_WAVES = [
  { name: 'Pilot', sequence: 1, isPilot: true, startInDays: 7 },
  { name: 'Wave 1', sequence: 2, isPilot: false, startInDays: 28 },
] as const;

/**
 * Each owner reads their country's language (Amsterdam and Utrecht Dutch, Köln and Düsseldorf
 * German, Lille French); Brussels is bilingual, where the country default is Dutch, so its
 * French-speaking owner's site says French itself.
 */
export const SAMPLE_SITES = [
  {
    wave: 0,
    code: 'AMS-001',
    name: 'Amsterdam Kalverstraat',
    address: 'Kalverstraat 92, 1012 PH Amsterdam, NL',
    timeZone: 'Europe/Amsterdam',
    owner: ['Sanne de Vries', 'sanne.devries@example.com', '+31 20 555 0101'],
  },
  {
    wave: 0,
    code: 'UTR-002',
    name: 'Utrecht Hoog Catharijne',
    address: 'Godebaldkwartier 12, 3511 DX Utrecht, NL',
    timeZone: 'Europe/Amsterdam',
    owner: ['Pieter Bakker', 'pieter.bakker@example.com', '+31 30 555 0102'],
  },
  {
    wave: 1,
    code: 'BRU-003',
    name: 'Brussels Rue Neuve',
    address: 'Rue Neuve 111, 1000 Bruxelles, BE',
    timeZone: 'Europe/Brussels',
    owner: ['Claire Dubois', 'claire.dubois@example.com', '+32 2 555 0103'],
    language: 'fr',
  },
  {
    wave: 1,
    code: 'CGN-004',
    name: 'Köln Schildergasse',
    address: 'Schildergasse 65, 50667 Köln, DE',
    timeZone: 'Europe/Berlin',
    owner: ['Jonas Weber', 'jonas.weber@example.com', '+49 221 555 0104'],
  },
  {
    wave: 1,
    code: 'DUS-005',
    name: 'Düsseldorf Königsallee',
    address: 'Königsallee 30, 40212 Düsseldorf, DE',
    timeZone: 'Europe/Berlin',
    owner: ['Lea Schmitt', 'lea.schmitt@example.com', '+49 211 555 0105'],
  },
  {
    wave: 1,
    code: 'LIL-006',
    name: 'Lille Rue de Béthune',
    address: 'Rue de Béthune 48, 59800 Lille, FR',
    timeZone: 'Europe/Paris',
    owner: ['Hugo Martin', 'hugo.martin@example.com', '+33 3 55 50 01 06'],
  },
] as const;

/** Names only (the sample is made offline): on a server they grant nothing until a release manager picks the users (Edit site). */
export const SAMPLE_TECHNICIANS = ['Alex Morgan', 'Sam Okafor', 'Robin Jansen'];

export const SAMPLE_COMPONENTS = [
  { name: 'Store network (firewall, switches, Wi-Fi)', kind: 'hardware', scope: 'core', targetVersion: null },
  { name: 'POS server', kind: 'hardware', scope: 'site', targetVersion: null },
  { name: 'POS software', kind: 'software', scope: 'site', targetVersion: '2026.4.0' },
  { name: 'Store OS image (Ubuntu 24.04 LTS)', kind: 'software', scope: 'site', targetVersion: '24.04.3' },
  { name: 'Tills (terminal, printer, scanner)', kind: 'hardware', scope: 'site', targetVersion: null },
] as const;

export const SAMPLE_REQUIREMENTS = [
  {
    kind: 'os',
    targetRole: 'pos-server',
    description: 'Ubuntu 24.04 or later',
    params: { family: 'linux', distribution: 'ubuntu', version: '>=24.04' },
  },
  { kind: 'cpu_cores', targetRole: 'pos-server', description: 'At least 8 CPU cores', params: { min: 8 } },
  { kind: 'memory', targetRole: 'pos-server', description: 'At least 32 GiB memory', params: { minBytes: 32 * 1024 ** 3 } },
  {
    kind: 'disk_free',
    targetRole: 'pos-server',
    description: '100 GiB free on /var',
    params: { mount: '/var', minFreeBytes: 100 * 1024 ** 3 },
  },
  { kind: 'package', targetRole: 'pos-server', description: 'POS software 2026.4', params: { name: 'pos-server', version: '>=2026.4.0' } },
  {
    kind: 'service',
    targetRole: 'pos-server',
    description: 'POS service running and enabled',
    params: { name: 'pos-server', active: true, enabled: true },
  },
  { kind: 'port', targetRole: 'pos-server', description: 'POS API listening on 443', params: { port: 443, protocol: 'tcp' } },
  { kind: 'clock_skew', targetRole: null, description: 'Clock within 2 s of the laptop', params: { maxSeconds: 2 } },
];

export const SAMPLE_MACHINES = [
  { hostName: 'pos-srv-01', role: 'pos-server', octet: 10, username: 'deploy', serverIndex: 0 },
  { hostName: 'bo-srv-01', role: 'backoffice', octet: 11, username: 'deploy', serverIndex: 1 },
  { hostName: 'office-ws-01', role: 'workstation', octet: 50, username: 'deploy', serverIndex: null },
  { hostName: 'office-ws-02', role: 'workstation', octet: 51, username: 'deploy', serverIndex: null },
] as const;

export const SAMPLE_CHECKLIST: TemplateItemDraft[] = [
  {
    phase: 'before',
    title: 'Reconcile delivered hardware against the expected inventory',
    instructions: 'Scan every serial in Inventory → Receive. Record surplus and damaged items.',
    evidence: 'note',
  },
  {
    phase: 'before',
    title: 'Check power and backup power',
    instructions: 'Dedicated 16 A circuit for rack R1; UPS runtime at least 15 minutes at expected load.',
    evidence: 'photo',
  },
  { phase: 'before', title: 'Check cooling in the server room', instructions: 'Room temperature 18–27 °C with the door closed.' },
  {
    phase: 'before',
    title: 'Check fire protection',
    instructions: 'Extinguisher present and inspected; detector in the server room working.',
  },
  {
    phase: 'before',
    title: 'Verify network uplink',
    instructions: 'ISP uplink live; store VLANs 10 (POS), 20 (office), 30 (guest) configured upstream.',
  },
  { phase: 'before', title: 'Confirm rack space', instructions: 'At least 12 U free in rack R1.', required: false },
  {
    phase: 'during',
    title: 'Mount firewall, switches and UPS in rack R1',
    instructions: 'Follow the rack elevation drawing. Label every cable at both ends.',
    evidence: 'photo',
    dependsOnIndex: 0,
  },
  {
    phase: 'during',
    title: 'Install servers and cable them to the switches',
    instructions: 'Two uplinks per server, to different switches.',
    dependsOnIndex: 6,
  },
  {
    phase: 'during',
    title: 'Install tills: terminals, printers and scanners',
    instructions: 'One terminal, printer and scanner per till position.',
  },
  { phase: 'during', title: 'Mount the access points', instructions: 'Ceiling mounts as per the floor plan; PoE from the switches.' },
  {
    phase: 'during',
    title: 'Install the OS image and POS software 2026.4',
    instructions: 'Boot from the store image USB; enrol in management; install pos-server 2026.4.',
    evidence: 'check_run',
    dependsOnIndex: 7,
  },
  {
    phase: 'after',
    title: 'Verify target machines pass all checks',
    instructions: 'Machines tab → Check all. Every required check passes or has an accepted exception.',
    evidence: 'check_run',
  },
  {
    phase: 'after',
    title: 'Run a test sale and refund on every till',
    instructions: 'Card and cash; print the receipts and keep them with the sign-off.',
    evidence: 'note',
  },
  { phase: 'after', title: 'Confirm the first backup job ran', instructions: 'Backup console shows a successful job for pos-srv-01.' },
  {
    phase: 'after',
    title: 'Walk-through with the site owner',
    instructions: 'Show the new tills and the Wi-Fi; hand over the quick guide.',
    required: false,
  },
  {
    phase: 'handover',
    title: 'Deliver the documentation',
    instructions: 'As-built rack drawing, network plan and the till quick guide, printed and as PDF, to the site owner.',
    evidence: 'note',
  },
  {
    phase: 'handover',
    title: 'Hand over the passwords in a sealed envelope',
    instructions: 'Local admin and Wi-Fi passwords, sealed and signed across the flap; the site owner keeps it in the safe.',
    evidence: 'note',
  },
  {
    phase: 'handover',
    title: 'Hand over the support contacts',
    instructions: 'Service desk number, on-call rota for the first two weeks and the escalation path, posted in the back office.',
  },
  { phase: 'rollback', title: 'Restore the previous POS server from backup', instructions: 'Only if the deployment is rolled back.' },
  { phase: 'rollback', title: 'Re-cable the previous switches', instructions: 'Use the photos from the before phase.' },
  { phase: 'rollback', title: 'Confirm the tills work on the old system', instructions: 'Test sale on every till.' },
];

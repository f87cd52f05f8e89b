import type { InventoryDraft } from '../plan/plan-writer';
import type { SeededRandom } from './seeded-random';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '0123456789';
const ALNUM = UPPER + DIGITS;

/** Hardware models a store rollout ships, with each maker's serial number shape. */
export const HARDWARE_MODELS = [
  { manufacturer: 'Dell', model: 'PowerEdge R660xs', kind: 'server', serial: (r: SeededRandom) => r.chars(ALNUM, 7) },
  {
    manufacturer: 'Cisco',
    model: 'Catalyst 9200L-24P',
    kind: 'switch',
    serial: (r: SeededRandom) => `FOC${r.chars(DIGITS, 4)}${r.chars(UPPER, 1)}${r.chars(ALNUM, 3)}`,
  },
  { manufacturer: 'Fortinet', model: 'FortiGate 60F', kind: 'firewall', serial: (r: SeededRandom) => `FGT60F${r.chars(ALNUM, 10)}` },
  { manufacturer: 'APC', model: 'Smart-UPS SMT1500RMI2U', kind: 'ups', serial: (r: SeededRandom) => `AS${r.chars(DIGITS, 10)}` },
  { manufacturer: 'HP', model: 'Engage One Pro', kind: 'pos', serial: (r: SeededRandom) => `CZ${r.chars(DIGITS, 4)}${r.chars(ALNUM, 4)}` },
  { manufacturer: 'Epson', model: 'TM-m30III', kind: 'printer', serial: (r: SeededRandom) => `X${r.chars(ALNUM, 9)}` },
  {
    manufacturer: 'Zebra',
    model: 'DS2208 scanner',
    kind: 'scanner',
    serial: (r: SeededRandom) => `${r.chars(DIGITS, 5)}${r.chars(ALNUM, 9)}`,
  },
  { manufacturer: 'Ubiquiti', model: 'UniFi U7 Pro', kind: 'access-point', serial: (r: SeededRandom) => r.chars('0123456789ABCDEF', 12) },
  { manufacturer: 'Lenovo', model: 'ThinkCentre M75q Gen 5', kind: 'workstation', serial: (r: SeededRandom) => `PF${r.chars(ALNUM, 6)}` },
] as const;

export type HardwareKind = (typeof HARDWARE_MODELS)[number]['kind'];

/** Per site: how many of each kind (about 40 items). */
export const SITE_BILL_OF_MATERIALS: Record<HardwareKind, number> = {
  server: 2,
  switch: 3,
  firewall: 1,
  ups: 2,
  pos: 8,
  printer: 8,
  scanner: 8,
  'access-point': 6,
  workstation: 3,
};

const LOCATION: Record<HardwareKind, { room: string; rack: boolean }> = {
  server: { room: 'Server room', rack: true },
  switch: { room: 'Server room', rack: true },
  firewall: { room: 'Server room', rack: true },
  ups: { room: 'Server room', rack: true },
  pos: { room: 'Sales floor', rack: false },
  printer: { room: 'Sales floor', rack: false },
  scanner: { room: 'Sales floor', rack: false },
  'access-point': { room: 'Ceiling', rack: false },
  workstation: { room: 'Back office', rack: false },
};

/** Expected inventory for one site; `tagPrefix` keeps asset tags unique across sites. */
export function siteInventory(rng: SeededRandom, tagPrefix: string, bill = SITE_BILL_OF_MATERIALS): InventoryDraft[] {
  const drafts: InventoryDraft[] = [];
  let unit = 1;
  for (const hw of HARDWARE_MODELS) {
    for (let n = 0; n < bill[hw.kind]; n++) {
      const place = LOCATION[hw.kind];
      drafts.push({
        manufacturer: hw.manufacturer,
        model: hw.model,
        expectedSerial: hw.serial(rng),
        assetTag: `${tagPrefix}-${String(drafts.length + 1).padStart(5, '0')}`,
        room: place.room,
        rack: place.rack ? 'R1' : '',
        unit: place.rack
          ? `U${(unit += 2)}`
          : `${hw.kind === 'pos' || hw.kind === 'printer' || hw.kind === 'scanner' ? 'Till' : 'Pos'} ${n + 1}`,
      });
    }
  }
  return drafts;
}

/** A large, varied inventory for benchmarks: `count` items cycling through every model. */
export function bulkInventory(rng: SeededRandom, tagPrefix: string, count: number): InventoryDraft[] {
  return Array.from({ length: count }, (_, i) => {
    const hw = HARDWARE_MODELS[i % HARDWARE_MODELS.length]!;
    return {
      manufacturer: hw.manufacturer,
      model: hw.model,
      expectedSerial: `${hw.serial(rng)}${i.toString(36).toUpperCase()}`,
      assetTag: `${tagPrefix}-${String(i + 1).padStart(6, '0')}`,
      room: `Hall ${1 + (i % 12)}`,
      rack: `R${1 + (i % 40)}`,
      unit: `U${1 + (i % 42)}`,
    };
  });
}

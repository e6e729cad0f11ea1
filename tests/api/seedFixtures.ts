import { readSeedData, type SeedData } from '../../server/src/platform/seed/readSeedData';

let cached: Promise<SeedData> | undefined;
/** The authored seed data, read from data/ (read-only, so sharing it between tests is safe). */
export const seedData = () => (cached ??= readSeedData());

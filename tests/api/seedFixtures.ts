import { readSeedData, type SeedData } from '../../seeds/readSeedData';

let cached: Promise<SeedData> | undefined;
/** The authored seed data, read from data/ (read-only, so sharing it between tests is safe). */
export const seedData = () => (cached ??= readSeedData());

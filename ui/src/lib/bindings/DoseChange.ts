export type DoseChange = { id: number, dose: string, from: string, };

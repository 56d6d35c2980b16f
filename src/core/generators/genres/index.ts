import { cosmicHorror } from './cosmic-horror.js';
import { cyberpunk } from './cyberpunk.js';
import { fantasy } from './fantasy.js';
import type { Genre, GenreId } from './genre-types.js';
import { historical } from './historical.js';
import { postApocalyptic } from './post-apocalyptic.js';
import { scienceFiction } from './science-fiction.js';
import { steampunk } from './steampunk.js';
import { superhero } from './superhero.js';
import { urbanFantasy } from './urban-fantasy.js';

export const GENRES: Record<GenreId, Genre> = {
  fantasy, cyberpunk, 'cosmic-horror': cosmicHorror, 'science-fiction': scienceFiction, 'post-apocalyptic': postApocalyptic,
  superhero, steampunk, historical, 'urban-fantasy': urbanFantasy,
};

export { GenreIds, type Genre, type GenreId, type GenreRole } from './genre-types.js';

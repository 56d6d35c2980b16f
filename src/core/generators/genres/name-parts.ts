/** Name parts shared by several genres' cultures. */

export const ENGLISH_SURNAME = {
  list: ['Abbott', 'Baker', 'Carter', 'Dawson', 'Ellis', 'Fletcher', 'Graves', 'Hughes', 'Jennings', 'Keller', 'Lawson', 'Mercer', 'Nolan', 'Porter', 'Quinn', 'Reyes', 'Sutton', 'Turner', 'Vaughn', 'Walsh'],
  start: ['Ash', 'Black', 'Brad', 'Brook', 'Cald', 'Carl', 'Chat', 'Clay', 'Cole', 'Crom', 'Dal', 'Dun', 'Eld', 'Fair', 'Fen', 'Gar', 'Glen', 'Hal', 'Hart', 'Hawk', 'Hol', 'Kel',
    'Kings', 'Lang', 'Lind', 'Mar', 'Mill', 'Mor', 'North', 'Oak', 'Pem', 'Pres', 'Rad', 'Ram', 'Red', 'Ridge', 'Rock', 'Ross', 'Sal', 'Shel', 'Stan', 'Stock', 'Storm', 'Thorn',
    'Wake', 'Wal', 'West', 'Whit', 'Win', 'Wood'],
  end: ['ford', 'ley', 'ton', 'wood', 'field', 'well', 'worth', 'by', 'more', 'stead', 'brook', 'ham', 'hurst', 'wick', 'dale', 'son', 'man', 'er', 'ridge', 'combe', 'low', 'ing',
    'cott', 'bury', 'shaw', 'thorpe', 'den', 'land', 'wright', 'ell'],
};

export const JAPANESE_SURNAME = {
  list: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada'],
  start: ['Aka', 'Fuji', 'Hoshi', 'Ishi', 'Kawa', 'Kiri', 'Kuro', 'Matsu', 'Mori', 'Naka', 'Nishi', 'Oda', 'Sakura', 'Shira', 'Taka', 'Tsuki', 'Yama', 'Yoshi', 'Hara', 'Kita', 'Mizu', 'Aoki', 'Hashi', 'Sugi'],
  end: ['moto', 'mura', 'da', 'kawa', 'yama', 'shita', 'zaki', 'hara', 'oka', 'gawa', 'bayashi', 'uchi', 'ta', 'no', 'sawa', 'guchi', 'hashi', 'mori', 'ie', 'tani'],
};
export const JAPANESE_GIVEN = {
  list: ['Akira', 'Haruki', 'Kenji', 'Yuki', 'Sora', 'Hana', 'Ren', 'Aiko', 'Daichi', 'Emi', 'Hiro', 'Kaori', 'Mei', 'Riku', 'Sakura', 'Takumi'],
  start: ['Aki', 'Hiro', 'Kaz', 'Ken', 'Ma', 'Yu', 'Sa', 'Tak', 'Nao', 'Ryo', 'Shin', 'Haru', 'Mi', 'Ta', 'Ko', 'Rei', 'Sei', 'Chi'],
  end: ['ki', 'to', 'ko', 'mi', 'ya', 'ji', 'ro', 'ka', 'na', 'ri', 'e', 'o', 'ka', 'shi', 'ne'],
};
export const SLAVIC_SURNAME = {
  list: ['Ivanov', 'Petrova', 'Smirnov', 'Kuznetsova', 'Volkov', 'Sokolova', 'Popov', 'Novak', 'Horvat', 'Kowalski'],
  start: ['Vol', 'Kuz', 'Mor', 'Pet', 'Sok', 'Vor', 'Zhu', 'Bel', 'Kras', 'Lyu', 'Orl', 'Ros', 'Gor', 'Dub', 'Lis', 'Med', 'Nov', 'Pav', 'Rud', 'Sav', 'Tar', 'Yar', 'Zor', 'Bog'],
  end: ['ov', 'ova', 'enko', 'in', 'ina', 'sky', 'ich', 'ovich', 'chuk', 'ski', 'ev', 'eva', 'ak', 'ik', 'iak', 'ets'],
};
export const SLAVIC_GIVEN = ['Aleksei', 'Anya', 'Bogdan', 'Dasha', 'Dmitri', 'Galina', 'Igor', 'Irina', 'Katya', 'Lev', 'Milena', 'Nikolai', 'Oksana', 'Pavel', 'Sasha', 'Svetlana', 'Timur', 'Vera', 'Yuri', 'Zoya', 'Marek', 'Jana', 'Tomasz', 'Ludmila'];
export const LATIN_SURNAME = {
  list: ['Garcia', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Flores', 'Rivera', 'Morales', 'Ortiz', 'Castillo', 'Vargas', 'Mendoza', 'Ferreira', 'Silva', 'Costa'],
  start: ['Al', 'Bel', 'Cas', 'Cor', 'Fer', 'Gar', 'Her', 'Mar', 'Men', 'Mon', 'Or', 'Pa', 'Ro', 'Sal', 'San', 'Val', 'Vel', 'Vi', 'Zam', 'Qui'],
  end: ['reira', 'doza', 'tillo', 'rigo', 'cia', 'nandez', 'tinez', 'asco', 'azar', 'tega', 'varez', 'tran', 'lano', 'rero', 'dona', 'illa', 'era', 'ales'],
};
export const LATIN_GIVEN = ['Alejandro', 'Beatriz', 'Camila', 'Diego', 'Elena', 'Fernando', 'Gabriela', 'Hector', 'Isabel', 'Javier', 'Lucia', 'Mateo', 'Nadia', 'Pablo', 'Rosa', 'Santiago', 'Teresa', 'Valentina', 'Ximena', 'Joaquin', 'Marisol', 'Rafael', 'Paloma', 'Andres'];
export const WEST_AFRICAN_SURNAME = {
  list: ['Okafor', 'Adeyemi', 'Mensah', 'Okonkwo', 'Boateng', 'Diallo', 'Balogun', 'Nwosu', 'Owusu', 'Eze'],
  start: ['Ade', 'Oka', 'Nwa', 'Obi', 'Ola', 'Eze', 'Oke', 'Aba', 'Ama', 'Bo', 'Chi', 'Ife', 'Ogu', 'Olu', 'Asa', 'Kwa', 'Men', 'Osei'],
  end: ['for', 'chukwu', 'nkwo', 'yemi', 'dele', 'bayo', 'kunle', 'teng', 'sah', 'wusu', 'gun', 'nna', 'femi', 'mide', 'du', 'eke', 'fo'],
};
export const WEST_AFRICAN_GIVEN = ['Adaeze', 'Chidi', 'Kwame', 'Ama', 'Tunde', 'Ngozi', 'Kofi', 'Yaa', 'Emeka', 'Folake', 'Sade', 'Obinna', 'Abena', 'Femi', 'Zainab', 'Kojo', 'Nneka', 'Seun', 'Efua', 'Ikenna'];
export const ENGLISH_GIVEN_MODERN = ['Alex', 'Bailey', 'Casey', 'Dana', 'Eli', 'Frankie', 'Gray', 'Harper', 'Jamie', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Nico', 'Parker', 'Quinn', 'Riley', 'Sam', 'Taylor', 'Val', 'Wes', 'Zoe', 'Mia', 'Leo', 'Ruby', 'Owen', 'Iris', 'Max', 'Nora', 'Theo',
  'Ava', 'Blake', 'Cole', 'Daisy', 'Ezra', 'Faye', 'Gus', 'Hazel', 'Ian', 'Jade', 'Kira', 'Lane', 'Miles', 'Nina', 'Oscar', 'Piper', 'Reed', 'Sage', 'Tess', 'Uma', 'Vince', 'Willa', 'Xander', 'Yara', 'Zack', 'Brooke', 'Dex', 'Ellie', 'Finn', 'Lena'];
export const ENGLISH_GIVEN_OLD = ['Albert', 'Agatha', 'Bernard', 'Beatrice', 'Cornelius', 'Clara', 'Edgar', 'Edith', 'Franklin', 'Florence', 'Harold', 'Henrietta', 'Ignatius', 'Irene', 'Jasper', 'Josephine',
  'Lionel', 'Lavinia', 'Mortimer', 'Mabel', 'Nathaniel', 'Olive', 'Percival', 'Prudence', 'Rupert', 'Rosalind', 'Silas', 'Theodora', 'Virgil', 'Winifred', 'Ambrose', 'Cordelia', 'Horace', 'Eleanor', 'Wallace', 'Ada'];
export const HANDLE = {
  list: ['Static', 'Glitch', 'Ghost', 'Razor', 'Cipher', 'Nyx', 'Echo', 'Rook', 'Vex', 'Halo', 'Jinx', 'Patch', 'Neon', 'Byte', 'Chrome', 'Saint', 'Wraith', 'Zero'],
  start: ['Chrome', 'Neon', 'Static', 'Null', 'Hex', 'Volt', 'Data', 'Ghost', 'Iron', 'Silk', 'Shadow', 'Razor', 'Crash', 'Flash', 'Glass', 'Night', 'Acid', 'Blue', 'Red', 'Black', 'Zero', 'Dead', 'Quick', 'Wire', 'Sugar', 'Ice', 'Spark', 'Grid', 'Pixel', 'Rust',
    'Lucky', 'Velvet', 'Cobalt', 'Toxic', 'Mono', 'Echo', 'Jade', 'Cyber', 'Steel', 'Smoke', 'Bit', 'Laser', 'Molly', 'Tango', 'Vapor', 'Omega', 'Proxy', 'Phantom', 'Riot', 'Honey'],
  end: ['jack', 'byte', 'wire', 'ghost', 'fang', 'blade', 'dancer', 'runner', 'eye', 'heart', 'line', 'saint', 'fox', 'wolf', 'cat', 'spike', 'burn', 'lock', 'key', 'shift', 'tooth', 'hand', 'song', 'kid', 'queen', 'king', 'mouth', 'face',
    'wave', 'drop', 'trip', 'hound', 'rat', 'crow', 'viper', 'moth', 'spider', 'doll', 'chip', 'code'],
};

/** Russian-style patronymics, the middle of "Dmitri Ivanovich Volkov". */
export const PATRONYMICS = ['Ivanovich', 'Petrovna', 'Sergeyevich', 'Nikolaevna', 'Alexeyevich', 'Dmitrievna', 'Pavlovich', 'Borisovna', 'Yurievich', 'Olegovna', 'Mikhailovich', 'Andreyevna',
  'Viktorovich', 'Grigorievna', 'Fyodorovich', 'Leonidovna', 'Antonovich', 'Stepanovna', 'Romanovich', 'Igorevna'];

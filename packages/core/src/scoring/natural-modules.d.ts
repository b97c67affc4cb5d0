// natural ships types for its index only; these are the files text.ts
// imports by their own paths (the index drags in database clients).
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_ru' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}
declare module 'natural/lib/natural/util/stopwords_ru' {
  export const words: string[];
}

/** Types for snowball-stemmers (JS port of the Snowball stemmers), which ships none. */
declare module 'snowball-stemmers' {
	export interface Stemmer {
		/** Stems one lower-case word. */
		stem(word: string): string;
	}
	const snowballFactory: {
		newStemmer(algorithm: string): Stemmer;
		algorithms(): string[];
	};
	export default snowballFactory;
}

// Minimal types for the parts of the `edtf` package we use (it ships none).
declare module 'edtf' {
	interface EdtfValue {
		type: 'Date' | 'Year' | 'Interval' | 'Season' | 'Set' | 'List' | 'Decade' | 'Century';
		min: number;
		max: number;
		precision?: number;
		edtf: string;
		lower?: EdtfValue | null;
		upper?: EdtfValue | number | null;
		approximate?: { value: number };
		uncertain?: { value: number };
	}
	function edtf(input: string): EdtfValue;
	export default edtf;
}

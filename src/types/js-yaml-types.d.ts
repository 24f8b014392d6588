// js-yaml exports its standard types "in case user wants to create custom schema" (index.js); @types/js-yaml omits them.
import 'js-yaml';

declare module 'js-yaml' {
	export const types: Record<'binary' | 'float' | 'map' | 'null' | 'pairs' | 'set' | 'timestamp' | 'bool' | 'int' | 'merge' | 'omap' | 'seq' | 'str', Type>;
}

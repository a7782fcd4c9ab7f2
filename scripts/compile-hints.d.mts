export declare const COMPILE_HINT: string;
export declare function firstLoadScripts(distDir: string): string[];
export declare function addCompileHints(distDir: string): { scripts: number; hinted: number };

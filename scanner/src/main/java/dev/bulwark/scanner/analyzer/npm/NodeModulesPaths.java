package dev.bulwark.scanner.analyzer.npm;

import java.util.Arrays;

/** Where npm puts packages: {@code node_modules/NAME} and {@code node_modules/@SCOPE/NAME}, nested at any depth. */
final class NodeModulesPaths {

    static final String NODE_MODULES = "node_modules";

    private NodeModulesPaths() {
    }

    /**
     * Whether the path is the package.json at the root of an installed package: the file sits directly in a
     * package folder of a node_modules directory. Package folders cannot start with a dot or underscore
     * ({@code .bin}, {@code .pnpm}), and a scope folder starts with {@code @}.
     */
    static boolean isInstalledManifest(String path) {
        String[] segments = path.split("/");
        int last = segments.length - 1;
        if (last < 2 || !segments[last].equals("package.json")) {
            return false;
        }
        if (segments[last - 2].equals(NODE_MODULES)) {
            return isPackageFolder(segments[last - 1]);
        }
        return last >= 3 && segments[last - 3].equals(NODE_MODULES) && isScopeFolder(segments[last - 2])
                && isPackageFolder(segments[last - 1]);
    }

    /** Whether any directory on the path is a node_modules directory. */
    static boolean isInsideNodeModules(String path) {
        return Arrays.asList(path.split("/")).contains(NODE_MODULES);
    }

    /** Whether the path names a file called {@code fileName}, wherever it is. */
    static boolean hasFileName(String path, String fileName) {
        return path.equals(fileName) || path.endsWith("/" + fileName);
    }

    private static boolean isPackageFolder(String segment) {
        return !segment.isEmpty() && !segment.equals(NODE_MODULES) && "@._".indexOf(segment.charAt(0)) < 0;
    }

    private static boolean isScopeFolder(String segment) {
        return segment.length() > 1 && segment.charAt(0) == '@';
    }
}

/**
 * {@code vigil directory verify} and {@code vigil directory import}: the network's signed
 * export of the whole directory, checked offline and turned into a seed directory file.
 */
package org.vigil.cli.directory;

package org.vigil.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Reading and writing files, with failures in words. */
public final class Io {

	private Io() {
	}

	/**
	 * @throws Failure if the file cannot be read
	 */
	public static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new Failure("cannot read " + file + ": " + describe(ex), ex);
		}
	}

	/**
	 * Writes the file, making its folder if needed.
	 * @throws Failure if the file cannot be written
	 */
	public static void write(Path file, byte[] bytes) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			if (folder != null) {
				Files.createDirectories(folder);
			}
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new Failure("cannot write " + file + ": " + describe(ex), ex);
		}
	}

	/** What went wrong, without the stack of causes. */
	public static String describe(IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return "no such file";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileAlreadyExistsException) {
			return "already exists";
		}
		if (ex instanceof NotDirectoryException) {
			return "not a directory";
		}
		String message = ex.getMessage();
		if (ex.getCause() != null && ex.getCause().getMessage() != null) {
			message = message + " (" + ex.getCause().getMessage() + ")";
		}
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

}

package org.vigil.directory.party;

import java.util.List;
import java.util.Objects;

/**
 * The central authority that receives the mutual legal assistance request which must
 * follow a preservation (Art. 27 and 29(3)): who the requesting Party writes to next.
 *
 * @param name the authority
 * @param channels how to reach it; never null
 */
public record MlaAuthority(String name, List<Channel> channels) {

	public MlaAuthority {
		Objects.requireNonNull(name, "name");
		channels = (channels != null) ? List.copyOf(channels) : List.of();
	}

}

package org.vigil.gateway.security.totp;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.vigil.gateway.security.VigilUser;

/**
 * A person whose password was right and who still owes their TOTP code: kept in the
 * session between the two steps of the form login. It grants no authority;
 * {@link SecondFactorFilter} lets it reach only the code page and logout.
 */
final class PendingSecondFactor extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final VigilUser user;

	PendingSecondFactor(VigilUser user) {
		super(List.of());
		this.user = user;
		setAuthenticated(true);
	}

	VigilUser user() {
		return this.user;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.user;
	}

}

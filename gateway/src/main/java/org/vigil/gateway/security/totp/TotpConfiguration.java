package org.vigil.gateway.security.totp;

import java.time.Clock;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.vigil.gateway.security.LoginThrottle;

/**
 * The second factor's beans: the secrets and their check, and the login steps the
 * people's filter chain plugs in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TotpProperties.class)
public class TotpConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TotpConfiguration.class);

	@Bean
	SecondFactors secondFactors(StringRedisTemplate redis, Clock clock, TotpProperties properties) {
		String key = properties.encryptionKey();
		SecretCipher cipher = new SecretCipher(
				(key != null && !key.isBlank()) ? Base64.getDecoder().decode(key.trim()) : null);
		if (!cipher.encrypts()) {
			log.warn("vigil.gateway.totp.encryption-key is not set: TOTP secrets are kept unencrypted in Redis");
		}
		return new SecondFactors(redis, cipher, clock, properties.issuer());
	}

	@Bean
	SecondFactorLogin secondFactorLogin(SecondFactors factors, LoginThrottle throttle) {
		return new SecondFactorLogin(factors, throttle);
	}

}

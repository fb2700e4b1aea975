package org.vigil.gateway.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigil.directory.replica.DirectoryView;
import org.vigil.gateway.signing.NetworkTrust;

/**
 * The signed export of the whole directory, for any logged-in user: the document the
 * secretariat circulates, verifiable offline with
 * {@code vigil directory verify export.p7s --ca ca.pem --crl crl.pem}.
 */
@Tag(name = "Directory")
@RestController
@RequestMapping("/api/v1/directory")
class DirectoryExportController {

	/** How CMS SignedData travels (RFC 8551), as for signed requests and receipts. */
	static final String SIGNED = "application/pkcs7-mime";

	private final DirectoryExports exports;

	private final Clock clock;

	DirectoryExportController(DirectoryView directory, NetworkTrust trust, Clock clock) {
		this.exports = new DirectoryExports(directory, trust.network(), clock);
		this.clock = clock;
	}

	@Operation(summary = "The whole directory signed by the network (CMS SignedData)")
	@GetMapping(path = "/export", produces = SIGNED)
	ResponseEntity<byte[]> export() {
		byte[] signed = this.exports.signed();
		String name = "vigil-directory-" + LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC) + ".p7s";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(SIGNED))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(signed);
	}

}

#!/bin/sh
# Run once by the pki-init service (docker-compose.yml), in the cli image: creates what the
# network needs and is missing, and leaves alone what exists.
#   /pki                       the network's dev PKI (vigil pki init)
#   /pki/gateway/https.p12     the gateway's HTTPS key and certificate for the deployment's
#                              host names, issued by the network CA (alias "tls-server", the
#                              CA certificate in it too): the console's port and the national
#                              systems' mutual-TLS port both serve it. (`vigil pki init`'s own
#                              gateway/tls-server.p12 names only localhost.)
#   /audit-key                 the audit log's key (vigil audit keygen)
# Every PKCS#12 file is protected by $VIGIL_PKI_PASSWORD.
set -eu
vigil() { java org.springframework.boot.loader.launch.JarLauncher "$@"; }
host="${VIGIL_GATEWAY_HOST:-localhost}"
names="dns:gateway,dns:localhost,ip:127.0.0.1"
[ "$host" = localhost ] || names="dns:$host,$names"

test -f /pki/ca.pem || vigil pki init --out /pki

if [ ! -f /pki/gateway/https.p12 ]; then
  work="$(mktemp -d)"
  keytool -genkeypair -alias tls-server -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
    -dname "CN=$host" -validity 730 -keystore "$work/server.p12" -storetype PKCS12 \
    -storepass:env VIGIL_PKI_PASSWORD
  keytool -certreq -alias tls-server -keystore "$work/server.p12" -storepass:env VIGIL_PKI_PASSWORD \
    -file "$work/server.csr"
  keytool -gencert -alias ca -keystore /pki/ca.p12 -storetype PKCS12 -storepass:env VIGIL_PKI_PASSWORD \
    -infile "$work/server.csr" -outfile "$work/server.pem" -rfc -validity 730 \
    -ext "SAN=$names" -ext EKU=serverAuth -ext KU=digitalSignature
  keytool -importcert -alias ca -file /pki/ca.pem -keystore "$work/server.p12" \
    -storepass:env VIGIL_PKI_PASSWORD -noprompt
  keytool -importcert -alias tls-server -file "$work/server.pem" -keystore "$work/server.p12" \
    -storepass:env VIGIL_PKI_PASSWORD
  mkdir -p /pki/gateway
  mv "$work/server.p12" /pki/gateway/https.p12
  rm -rf "$work"
  echo "pki-init: issued the gateway's TLS certificate for $host by the network CA"
fi

test -f /audit-key/log.key || vigil audit keygen --out /audit-key

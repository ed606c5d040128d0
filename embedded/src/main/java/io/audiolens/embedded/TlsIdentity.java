package io.audiolens.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A broker's TLS key and certificate: a PKCS12 keystore for the broker, and the certificate as PEM for the
 * clients' trust store ({@code ssl.truststore.type=PEM}). {@link #selfSigned} makes one with the JDK's
 * {@code keytool}, for 127.0.0.1 and localhost, so that clients keep their host name verification on.
 *
 * @param keystorePassword the store's and the key's password (PKCS12 keeps one for both)
 */
public record TlsIdentity(Path keystore, String keystorePassword, Path certificatePem) {

    /** A new EC key and a certificate valid for two days, in {@code dir}. */
    public static TlsIdentity selfSigned(Path dir) {
        Path keystore = dir.resolve("broker.p12");
        Path pem = dir.resolve("broker-certificate.pem");
        String password = UUID.randomUUID().toString();
        try {
            Files.createDirectories(dir);
            keytool(List.of("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1,DNS:localhost",
                    "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password), dir);
            keytool(List.of("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                    "-storetype", "PKCS12", "-storepass", password, "-file", pem.toString()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a TLS identity in " + dir, e);
        }
        return new TlsIdentity(keystore, password, pem);
    }

    private static void keytool(List<String> arguments, Path dir) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(arguments);
        Path log = dir.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments.get(0) + " failed; see " + log + ":\n"
                        + LogTail.of(log, 10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
    }
}

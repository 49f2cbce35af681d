package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Verification reads only plausible OFD packages: a crafted archive is unreadable, not unpacked. */
class PackageLimitsTest {

    @Test
    void anOrdinaryOfdIsWithinTheLimits() {
        assertThat(OfdPackage.read(OfdFiles.document("ordinary"))).isNotNull();
    }

    @Test
    void archivesThatUnpackTooLargeOrHoldTooManyEntriesAreRefused() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("Doc_0/Res/zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 520; i++) {
                zip.write(zeros);
            }
        }
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i <= 20_000; i++) {
                zip.putNextEntry(new ZipEntry("f" + i));
            }
        }

        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(twice)) {
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.putNextEntry(new ZipEntry("./OFD.xml"));
        }

        assertThat(bomb.size()).isLessThan(2 * 1024 * 1024);
        assertThat(OfdPackage.read(bomb.toByteArray())).isNull();
        assertThat(OfdPackage.read(many.toByteArray())).isNull();
        assertThat(OfdPackage.read(new byte[] {1, 2, 3})).isNull();
        assertThat(OfdPackage.read(twice.toByteArray())).as("one file named twice").isNull();
    }
}

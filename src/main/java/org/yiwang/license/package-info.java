/**
 * Electronic licences (电子证照, GB/T 36901–36905): licence types with their OFD layout, issuance when a case completes
 * with result 0 (办结即出证) or directly by the department, versions, revocation, the holder's wallet (我的证照), its use
 * in applications instead of a material (免提交), authorised use by third parties (授权使用) and public verification
 * (证照核验).
 *
 * <h2>Identifiers</h2>
 * {@link org.yiwang.license.LicenseId}: {@code 1.2.156.3005.2.<type code>.<issuer>.<serial>.<version>.<check>} with
 * the ISO 7064 MOD 37,36 check character over type code, issuer, serial and version. Serial numbers are the year and a
 * 7-digit sequence per type and issuer ({@code license_serial}, drawn outside the issuing transaction through
 * {@code shared.Counters}; imported licences raise it to their own serial); a change (变更) keeps the serial and raises the
 * version, the old version becomes SUPERSEDED.
 *
 * <h2>Files</h2>
 * One OFD page per licence, laid out by the type's template (stored in {@code license_type}: from
 * {@code classpath:license/types.json}, or created and edited in the console, after which start-up no longer overwrites
 * it) with subsets of the shipped Noto Serif SC (GB 2312, regular and bold) holding the glyphs of that document
 * embedded, a QR code (a 1-bit PNG) to
 * {@code <yiwang.licenses.public-base-url>/licenses/verify?id=<identifier>} and the identifier in the document's
 * custom metadata ({@code 电子证照标识}), which verification reads back. The issuing department's licence seal
 * (电子证照专用章) is applied in {@code LicenseSealing}, the module's one connection to the seal module.
 *
 * <h2>From cases</h2>
 * {@link org.yiwang.cases.CaseCompleted} with result 0 for an item linked to a type writes a row to
 * {@code license_pending_issuance} in the completing transaction; after the commit the licence is issued and the row
 * removed; a failure leaves the row, retried every {@code yiwang.licenses.retry-interval}. The case module knows
 * nothing of licences.
 *
 * <h2>In applications (免提交)</h2>
 * {@code LicenseLibrary} implements {@link org.yiwang.cases.LicenceLibrary}: a holder's valid licences of a type, a
 * licence checked by identifier and holder, its status now, its file and the verification of that file, so that an
 * applicant chooses a licence for a material slot and the clerk sees and verifies it. {@code LicenseTypeConsole} lets
 * platform administrators create and edit types and link and unlink the items yielding a type
 * ({@code /admin/license-types}).
 *
 * <h2>Status</h2>
 * {@link org.yiwang.license.LicenseStatus}: VALID, SUPERSEDED, REVOKED 撤销, CANCELLED 注销, ANNULLED 作废 (each with a
 * reason, shown at verification), and EXPIRED, derived from the validity date.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.license;

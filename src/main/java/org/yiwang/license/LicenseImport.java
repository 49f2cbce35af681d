package org.yiwang.license;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.Staff;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.RuleViolations;

/**
 * 存量证照导入: a department brings the licences it issued before into the library, one CSV (UTF-8, header
 * {@code identifier,holderName,holderCode,issuedOn,validUntil,file} and the type's field keys) and the OFD files it
 * names. A row with an identifier keeps it (the department's own, unused, of the chosen type) and its file as given;
 * a row without gets a new identifier and a generated, sealed file. Every row is checked first: one bad row imports
 * nothing, and the answer lists each problem with its line.
 */
@Service
class LicenseImport {

    record Problem(int line, String message) {
    }

    record Result(int imported, List<String> identifiers) {
    }

    private static final List<String> COLUMNS = List.of("identifier", "holderName", "holderCode", "issuedOn",
            "validUntil", "file");

    private final LicenseTypes types;
    private final LicenseIssuance issuance;
    private final LicenseStore store;
    private final LicenseSealing sealing;
    private final MessageSource messages;

    LicenseImport(LicenseTypes types, LicenseIssuance issuance, LicenseStore store, LicenseSealing sealing,
            MessageSource messages) {
        this.types = types;
        this.issuance = issuance;
        this.store = store;
        this.sealing = sealing;
        this.messages = messages;
    }

    /** A row read: {@code sealed} whether its file's seals verify (false without a file). */
    private record Row(int line, @Nullable LicenseId id, LicenseIssuance.Holder holder, LocalDate issuedOn,
            @Nullable LocalDate validUntil, Map<String, String> metadata, byte @Nullable [] file, boolean sealed) {
    }

    @Transactional
    public Result importCsv(Staff staff, String typeCode, byte[] csv, Map<String, byte[]> files) {
        LicenseIssuance.requireIssuer(staff, staff.departmentCode(), "导入存量证照");
        LicenseType type = types.require(typeCode);
        List<List<String>> records = Csv.parse(new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        if (records.isEmpty() || !records.get(0).containsAll(COLUMNS)) {
            throw new RuleViolations(LicenseError.LICENSE_IMPORT_INVALID, List.of(RuleViolations.Violation.of(
                    LicenseError.LICENSE_IMPORT_ROW, "line.1", 1, "表头应包含 " + String.join(",", COLUMNS))));
        }
        List<String> header = records.get(0);
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < records.size(); i++) {
            int line = i + 1;
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < records.get(i).size() ? records.get(i).get(c).strip() : "");
            }
            try {
                Row row = row(line, staff.departmentCode(), type, cells, files);
                if (row.id() != null && !seen.add(row.id().value())) {
                    throw new IllegalArgumentException("电子证照标识在文件中重复");
                }
                rows.add(row);
            } catch (BusinessException e) {
                problems.add(new Problem(line, LicensePageErrors.message(messages, e) + "（" + e.error().code() + "）"));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(new Problem(line, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolations(LicenseError.LICENSE_IMPORT_INVALID, problems.stream()
                    .map(p -> RuleViolations.Violation.of(LicenseError.LICENSE_IMPORT_ROW, "line." + p.line(),
                            p.line(), p.message())).toList());
        }
        List<String> imported = rows.stream().map(r -> save(staff, type, r)).toList();
        return new Result(imported.size(), imported);
    }

    private Row row(int line, CreditCode issuer, LicenseType type, Map<String, String> cells,
            Map<String, byte[]> files) {
        LicenseId id = null;
        if (!cells.getOrDefault("identifier", "").isEmpty()) {
            id = LicenseId.parse(cells.get("identifier"));
            if (!id.typeCode().equals(type.code()) || !id.issuer().equals(issuer)) {
                throw new IllegalArgumentException("电子证照标识不属于本部门颁发的" + type.name());
            }
            if (store.find(id).isPresent()) {
                throw new IllegalArgumentException("电子证照 " + id.value() + " 已在证照库中");
            }
        }
        var holder = new LicenseIssuance.Holder(type.holderKind(), cells.get("holderName"), cells.get("holderCode"));
        LocalDate issuedOn = LocalDate.parse(cells.getOrDefault("issuedOn", ""));
        String until = cells.getOrDefault("validUntil", "");
        Map<String, String> metadata = new LinkedHashMap<>();
        for (LicenseType.Field f : type.fields()) {
            String v = cells.getOrDefault(f.key(), "");
            if (v.isEmpty() && f.required()) {
                throw new IllegalArgumentException("缺少" + f.label());
            }
            if (!v.isEmpty()) {
                metadata.put(f.key(), v);
            }
        }
        byte[] file = null;
        boolean sealed = false;
        String fileName = cells.getOrDefault("file", "");
        if (!fileName.isEmpty()) {
            file = files.get(fileName);
            if (file == null) {
                throw new IllegalArgumentException("未上传文件 " + fileName);
            }
            LicenseSealing.SealReport report = sealing.verify(file);
            if (id == null || !id.value().equals(report.identifier())) {
                throw new IllegalArgumentException("文件 " + fileName + " 中的电子证照标识与该行不一致");
            }
            sealed = report.verdict().equals("VALID");
        }
        return new Row(line, id, holder, issuedOn, until.isEmpty() ? null : LocalDate.parse(until), metadata, file,
                sealed);
    }

    private String save(Staff staff, LicenseType type, Row row) {
        if (row.id() == null) {
            return issuance.issue(type, staff.departmentCode(), row.holder(), row.metadata(), row.validUntil(), null,
                    "IMPORT", staff.username()).identifier().value();
        }
        IssuedLicense saved = issuance.importExisting(type, row.id(), row.holder(), row.metadata(), row.issuedOn(),
                row.validUntil(), row.file(), row.sealed(), staff.username());
        String serial = row.id().serial();
        if (serial.matches("\\d{11}")) {
            store.raiseSerial(type.code(), row.id().issuer(), Integer.parseInt(serial.substring(0, 4)),
                    Integer.parseInt(serial.substring(4)));
        }
        return saved.identifier().value();
    }

    /** RFC 4180 CSV: commas, double quotes around fields with commas, quotes or line breaks. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    if (!(row.size() == 1 && row.get(0).isEmpty())) {
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                } else {
                    cell.append(ch);
                }
            }
            row.add(cell.toString());
            if (!(row.size() == 1 && row.get(0).isEmpty())) {
                rows.add(row);
            }
            return rows;
        }
    }
}

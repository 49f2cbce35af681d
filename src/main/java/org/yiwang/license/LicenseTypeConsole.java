package org.yiwang.license;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;

/**
 * 证照类型管理 for platform administrators: the types with their items, creating and editing a type's definition (name,
 * holder kind, metadata fields, validity, OFD layout), and linking or unlinking a published item whose completion
 * yields a type (一个事项只产生一种证照).
 */
@Service
class LicenseTypeConsole {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");

    /** A type and the published items yielding it (an item no longer published shows without a name). */
    record TypeDetail(LicenseType type, List<ItemRef> items) {
    }

    record ItemRef(String code, String name) {
    }

    private final LicenseTypes types;
    private final PublishedItems items;

    LicenseTypeConsole(LicenseTypes types, PublishedItems items) {
        this.types = types;
        this.items = items;
    }

    @Transactional(readOnly = true)
    public List<LicenseType> list(Staff staff) {
        requireAdmin(staff);
        return types.all();
    }

    @Transactional(readOnly = true)
    public TypeDetail detail(Staff staff, String code) {
        requireAdmin(staff);
        LicenseType type = type(code);
        return new TypeDetail(type, type.items().stream().map(i -> new ItemRef(i,
                items.find(i).map(p -> p.content().name()).orElse("（未发布）"))).toList());
    }

    /** Creates a type from the console; its items are linked afterwards. */
    @Transactional
    public LicenseType create(Staff staff, LicenseType definition) {
        requireAdmin(staff);
        requireWellFormed(definition.code());
        check(definition);
        if (!types.create(definition)) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_EXISTS, definition.code());
        }
        return types.require(definition.code());
    }

    /**
     * Replaces the definition of a type (its code and items stay). Licences issued before keep their file; those issued
     * from now on follow the new definition. The holder kind stays while items yield the type or licences of it exist.
     */
    @Transactional
    public LicenseType update(Staff staff, String code, LicenseType definition) {
        requireAdmin(staff);
        LicenseType type = type(code);
        LicenseType changed = new LicenseType(type.code(), definition.name(), definition.holderKind(),
                definition.fields(), definition.validityYears(), definition.layout(), type.items());
        check(changed);
        if (changed.holderKind() != type.holderKind() && (!type.items().isEmpty() || types.hasLicences(code))) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_HOLDER_FIXED, type.holderKind().label());
        }
        types.update(changed);
        return types.require(code);
    }

    @Transactional
    public void link(Staff staff, String code, String itemCode) {
        requireAdmin(staff);
        LicenseType type = type(code);
        String item = itemCode.strip();
        PublishedItem published = items.find(item)
                .orElseThrow(() -> new BusinessException(LicenseError.LICENSE_TYPE_ITEM_NOT_FOUND, item));
        boolean forPersons = published.content().serviceObjects().contains(ServiceObject.NATURAL_PERSON);
        boolean forOrganisations = published.content().serviceObjects().stream()
                .anyMatch(o -> o != ServiceObject.NATURAL_PERSON);
        if (type.holderKind() == LicenseType.HolderKind.PERSON ? !forPersons : !forOrganisations) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_ITEM_HOLDER, published.content().name(),
                    type.holderKind().label());
        }
        types.typeOfItem(item).ifPresent(linked -> {
            throw new BusinessException(LicenseError.LICENSE_TYPE_ITEM_LINKED, published.content().name(), linked);
        });
        try {
            types.link(type.code(), item);
        } catch (DuplicateKeyException raced) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_ITEM_LINKED, published.content().name(), code);
        }
    }

    @Transactional
    public void unlink(Staff staff, String code, String itemCode) {
        requireAdmin(staff);
        String item = itemCode.strip();
        if (!types.unlink(type(code).code(), item)) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_ITEM_NOT_LINKED, item, code);
        }
    }

    /** The type; a code not of the GB/T 36904 form (credit code + 3 digits) is refused as malformed. */
    private LicenseType type(String code) {
        requireWellFormed(code);
        return types.require(code);
    }

    private static void requireWellFormed(String code) {
        if (!LicenseId.isTypeCode(code)) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_CODE_INVALID, code);
        }
    }

    /** The rules of a definition; the first broken one is refused with what is wrong. */
    private static void check(LicenseType type) {
        rule(!type.name().isBlank() && type.name().length() <= 100, "证照名称必填，100字以内");
        rule(type.validityYears() == null || type.validityYears() >= 1 && type.validityYears() <= 100,
                "有效期应为1至100年，或留空表示长期有效");
        Set<String> keys = new HashSet<>(LicenseContent.STANDARD_LABELS.keySet());
        for (LicenseType.Field field : type.fields()) {
            rule(KEY.matcher(field.key()).matches(), "信息项代码“" + field.key() + "”应以字母开头，只含字母和数字，40位以内");
            rule(keys.add(field.key()), "信息项代码“" + field.key() + "”重复或与通用信息项相同");
            rule(!field.label().isBlank() && field.label().length() <= 50,
                    "信息项“" + field.key() + "”的名称必填，50字以内");
            rule(field.formKey() == null || KEY.matcher(field.formKey()).matches(),
                    "信息项“" + field.key() + "”的申请表字段“" + field.formKey() + "”应以字母开头，只含字母和数字");
        }
        LicenseType.Layout layout = type.layout();
        rule(layout.width() >= 50 && layout.width() <= 1000 && layout.height() >= 50 && layout.height() <= 1000,
                "版式页面宽、高应在50至1000毫米之间");
        rule(!layout.title().isBlank() && layout.title().length() <= 50, "版式标题必填，50字以内");
        rule(layout.titleSize() >= 2 && layout.titleSize() <= 30 && onPage(layout, 0, layout.titleY()),
                "版式标题的字号应在2至30毫米之间，位置在页面内");
        rule(layout.title().length() * layout.titleSize() <= layout.width(), "版式标题过长：字数乘字号超出页面宽度");
        rule(!layout.placed().isEmpty(), "版式至少放置一个信息项");
        Set<String> placed = new HashSet<>();
        for (LicenseType.Placed p : layout.placed()) {
            rule(keys.contains(p.field()), "版式中的“" + p.field() + "”不是本类型的信息项或通用信息项");
            rule(placed.add(p.field()), "版式中的“" + p.field() + "”放置了两次");
            rule(p.size() >= 1.5 && p.size() <= 20 && onPage(layout, p.x(), p.y()),
                    "版式中“" + p.field() + "”的字号应在1.5至20毫米之间，位置在页面内");
        }
        rule(fits(layout, layout.code(), 15), "二维码应不小于15毫米，整体位于页面内");
        rule(fits(layout, layout.seal(), 20) && layout.seal().size() <= 60, "印章直径应在20至60毫米之间，整体位于页面内");
    }

    private static boolean onPage(LicenseType.Layout layout, double x, double y) {
        return x >= 0 && y > 0 && x < layout.width() && y < layout.height();
    }

    private static boolean fits(LicenseType.Layout layout, LicenseType.Box box, double minimum) {
        return box.size() >= minimum && box.x() >= 0 && box.y() >= 0 && box.x() + box.size() <= layout.width()
                && box.y() + box.size() <= layout.height();
    }

    private static void rule(boolean holds, String problem) {
        if (!holds) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_DEFINITION_INVALID, problem);
        }
    }

    static void requireAdmin(Staff staff) {
        if (!staff.has(StaffRole.PLATFORM_ADMIN)) {
            throw new BusinessException(LicenseError.LICENSE_PLATFORM_ADMIN_REQUIRED);
        }
    }
}

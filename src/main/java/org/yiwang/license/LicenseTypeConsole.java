package org.yiwang.license;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.shared.BusinessException;

/**
 * 证照类型管理 for platform administrators (the web security opens {@code /admin/license-types} to them only): the
 * types with their items, creating and editing a type's definition (name, holder kind, metadata fields, validity, OFD
 * layout), and linking or unlinking a published item whose completion yields a type (一个事项只产生一种证照).
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
    public List<LicenseType> list() {
        return types.all();
    }

    @Transactional(readOnly = true)
    public TypeDetail detail(String code) {
        LicenseType type = type(code);
        return new TypeDetail(type, type.items().stream().map(i -> new ItemRef(i,
                items.find(i).map(p -> p.content().name()).orElse("（未发布）"))).toList());
    }

    /** Creates a type from the console; its items are linked afterwards. */
    @Transactional
    public void create(LicenseType definition) {
        requireWellFormed(definition.code());
        check(definition);
        if (!types.create(definition)) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_EXISTS, definition.code());
        }
    }

    /**
     * Replaces the definition of a type (its code and items stay). Licences issued before keep their file; those issued
     * from now on follow the new definition. The holder kind stays while items yield the type or licences of it exist.
     */
    @Transactional
    public void update(String code, LicenseType definition) {
        LicenseType type = type(code);
        LicenseType changed = new LicenseType(type.code(), definition.name(), definition.holderKind(),
                definition.fields(), definition.validityYears(), definition.layout(), type.items());
        check(changed);
        if (changed.holderKind() != type.holderKind() && (!type.items().isEmpty() || types.hasLicences(code))) {
            throw new BusinessException(LicenseError.LICENSE_TYPE_HOLDER_FIXED, type.holderKind().label());
        }
        types.update(changed);
    }

    @Transactional
    public void link(String code, String itemCode) {
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
    public void unlink(String code, String itemCode) {
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
        rule(!type.name().isBlank() && type.name().length() <= 100, "name");
        rule(type.validityYears() == null || type.validityYears() >= 1 && type.validityYears() <= 100,
                "validityYears");
        Set<String> keys = new HashSet<>(LicenseContent.STANDARD_LABELS.keySet());
        for (LicenseType.Field field : type.fields()) {
            rule(KEY.matcher(field.key()).matches(), "fieldKey", field.key());
            rule(keys.add(field.key()), "fieldKeyTaken", field.key());
            rule(!field.label().isBlank() && field.label().length() <= 50, "fieldLabel", field.key());
            rule(field.formKey() == null || KEY.matcher(field.formKey()).matches(), "fieldFormKey", field.key(),
                    String.valueOf(field.formKey()));
        }
        LicenseType.Layout layout = type.layout();
        rule(layout.width() >= 50 && layout.width() <= 1000 && layout.height() >= 50 && layout.height() <= 1000,
                "pageSize");
        rule(!layout.title().isBlank() && layout.title().length() <= 50, "title");
        rule(layout.titleSize() >= 2 && layout.titleSize() <= 30 && onPage(layout, 0, layout.titleY()), "titlePlace");
        rule(layout.title().length() * layout.titleSize() <= layout.width(), "titleTooLong");
        rule(!layout.placed().isEmpty(), "nothingPlaced");
        Set<String> placed = new HashSet<>();
        for (LicenseType.Placed p : layout.placed()) {
            rule(keys.contains(p.field()), "placedUnknown", p.field());
            rule(placed.add(p.field()), "placedTwice", p.field());
            rule(p.size() >= 1.5 && p.size() <= 20 && onPage(layout, p.x(), p.y()), "placedPlace", p.field());
        }
        rule(fits(layout, layout.code(), 15), "code");
        rule(fits(layout, layout.seal(), 20) && layout.seal().size() <= 60, "seal");
    }

    private static boolean onPage(LicenseType.Layout layout, double x, double y) {
        return x >= 0 && y > 0 && x < layout.width() && y < layout.height();
    }

    private static boolean fits(LicenseType.Layout layout, LicenseType.Box box, double minimum) {
        return box.size() >= minimum && box.x() >= 0 && box.y() >= 0 && box.x() + box.size() <= layout.width()
                && box.y() + box.size() <= layout.height();
    }

    private static void rule(boolean holds, String problem, String... args) {
        if (!holds) {
            throw invalid(problem, (Object[]) args);
        }
    }

    /**
     * A broken rule of a definition: the stable code, with what is wrong as the message
     * {@code license.type.problem.<problem>}, resolved in the reader's language like its arguments that are themselves
     * message keys ({@link #value}).
     */
    static BusinessException invalid(String problem, Object... args) {
        return new BusinessException(LicenseError.LICENSE_TYPE_DEFINITION_INVALID,
                new DefaultMessageSourceResolvable(new String[] {"license.type.problem." + problem}, args));
    }

    /** The name of a value of the form, {@code license.type.value.<value>}, for a problem's message. */
    static DefaultMessageSourceResolvable value(String value, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {"license.type.value." + value}, args);
    }
}

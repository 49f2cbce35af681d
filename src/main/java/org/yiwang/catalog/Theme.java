package org.yiwang.catalog;

/**
 * 主题分类: life events for persons (个人办事) and for enterprises (法人办事), by which the portal lets people browse.
 * The code is stable for the API ({@code ?theme=}).
 */
public enum Theme {
    BIRTH(Audience.PERSON, "生育收养"),
    HOUSEHOLD(Audience.PERSON, "户籍办理"),
    IDENTITY_DOCUMENTS(Audience.PERSON, "证件办理"),
    EDUCATION(Audience.PERSON, "教育科研"),
    EMPLOYMENT(Audience.PERSON, "就业创业"),
    SOCIAL_SECURITY(Audience.PERSON, "社会保障"),
    MEDICAL(Audience.PERSON, "医疗卫生"),
    MARRIAGE(Audience.PERSON, "婚姻登记"),
    HOUSING(Audience.PERSON, "住房保障"),
    TRANSPORT(Audience.PERSON, "交通出行"),
    RESIDENCE(Audience.PERSON, "居住迁移"),
    ELDERLY(Audience.PERSON, "养老服务"),
    SOCIAL_ASSISTANCE(Audience.PERSON, "社会救助"),
    DEATH(Audience.PERSON, "死亡殡葬"),
    ESTABLISHMENT(Audience.ENTERPRISE, "设立变更"),
    OPERATING_PERMITS(Audience.ENTERPRISE, "准营准办"),
    QUALIFICATIONS(Audience.ENTERPRISE, "资质认证"),
    CONSTRUCTION(Audience.ENTERPRISE, "工程建设"),
    TAX(Audience.ENTERPRISE, "税收财务"),
    HUMAN_RESOURCES(Audience.ENTERPRISE, "人力资源"),
    ENTERPRISE_TRANSPORT(Audience.ENTERPRISE, "交通运输"),
    FOOD_AND_DRUGS(Audience.ENTERPRISE, "食品药品"),
    HEALTH_AND_HYGIENE(Audience.ENTERPRISE, "卫生健康"),
    ENVIRONMENT(Audience.ENTERPRISE, "环保绿化"),
    INSPECTION_ANNUAL(Audience.ENTERPRISE, "年检年审"),
    DEREGISTRATION(Audience.ENTERPRISE, "注销退出");

    private final Audience audience;
    private final String label;

    Theme(Audience audience, String label) {
        this.audience = audience;
        this.label = label;
    }

    public Audience audience() {
        return audience;
    }

    public String label() {
        return label;
    }
}

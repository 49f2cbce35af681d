package org.yiwang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class YiwangApplication {

    /** The JDK's SAX parser, which is the one in use: named, it is not searched for on the class path at every parse. */
    static final String SAX_PARSER_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl";

    public static void main(String[] args) {
        if (System.getProperty("javax.xml.parsers.SAXParserFactory") == null) {
            System.setProperty("javax.xml.parsers.SAXParserFactory", SAX_PARSER_FACTORY);
        }
        SpringApplication.run(YiwangApplication.class, args);
    }
}

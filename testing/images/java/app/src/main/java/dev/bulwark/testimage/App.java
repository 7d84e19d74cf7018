package dev.bulwark.testimage;

/** The Java test image's application: only its packaging matters. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        System.out.println(org.apache.commons.lang3.StringUtils.capitalize("bulwark"));
    }
}

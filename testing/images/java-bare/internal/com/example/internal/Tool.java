package com.example.internal;

/** An in-house tool with no version anywhere: nothing can name it, so a scan must say it was not analysed. */
public final class Tool {
    public static void main(String[] args) {
        System.out.println("internal tool");
    }
}

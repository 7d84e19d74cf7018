package dev.bulwark.policy.vex;

/** The statuses OpenVEX and CycloneDX VEX share (CycloneDX's analysis states map onto them). */
public enum VexStatus {
    NOT_AFFECTED, AFFECTED, FIXED, UNDER_INVESTIGATION
}

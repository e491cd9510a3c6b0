package dev.lighttrack.bench.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cost model against the numbers reproduced from the LightTrack repo with thop's rules. */
class CostModelTest {
    private final Subnet mobile = SubnetBuilder.search(ArchPresets.resolve("lighttrack-mobile"), 256, 128);

    @Test
    void mobileTotalsMatchReference() {
        Cost c = mobile.cost();
        assertEquals(528.9e6, c.macs(), 528.9e6 * 0.005, "MACs");
        assertEquals(1.969e6, c.params(), 1.969e6 * 0.005, "params");
    }

    @Test
    void mobileComponentsMatchReference() {
        Cost c = mobile.cost();
        assertEquals(510.6e6, c.thopConvMacs(), 0.05e6, "conv MACs");
        assertEquals(15.7e6, c.bnMacs(), 0.05e6, "BN MACs");
        assertEquals(2.5e6, c.poolMacs(), 0.05e6, "pool MACs");
        assertEquals(1.57e6, c.correlationMacs(), 0.005e6, "correlation matmul MACs");
    }

    @Test
    void mobileStageRowsMatchReferenceTable() {
        assertRow("ds16", "16x128x128", 7.9e6, -1);
        assertRow("c24", "24x64x64", 99.4e6, 0.034e6);
        assertRow("c40", "40x32x32", 89.8e6, 0.159e6);
        assertRow("c80", "80x16x16", 61.9e6, 0.388e6);
        assertRow("c96", "96x16x16", 81.0e6, 0.670e6);
        assertEquals(3, mobile.section("c96").units().size());
    }

    @Test
    void mobileBranchTotalsMatchReference() {
        long backbone = 0;
        long backboneParams = 0;
        for (String s : new String[] {"stem", "ds16", "c24", "c40", "c80", "c96"}) {
            backbone += mobile.section(s).cost().macs();
            backboneParams += mobile.section(s).cost().params();
        }
        assertEquals(347.5e6, backbone, 0.05e6);
        assertEquals(1.253e6, backboneParams, 0.0005e6);
        long head = 0;
        for (String s : new String[] {"cls_tower", "cls_pred", "reg_tower", "reg_pred"}) {
            head += mobile.section(s).cost().macs();
        }
        assertEquals(179.1e6, head, 0.05e6);
        assertEquals(0.382e6, mobile.section("cls_tower").cost().params(), 0.0005e6);
        assertEquals(0.308e6, mobile.section("reg_tower").cost().params(), 0.0005e6);
        assertEquals(2305, mobile.section("cls_pred").cost().params());
        assertEquals(6916, mobile.section("reg_pred").cost().params());
        assertEquals(2.2e6, mobile.section("fusor").cost().macs(), 0.05e6);
        assertEquals(16640, mobile.section("fusor").cost().params());
        assertEquals(384, mobile.section("neck").cost().params());
    }

    @Test
    void outputSizesFollowSearchSize() {
        Architecture a = ArchPresets.resolve("lighttrack-mobile");
        assertEquals("1x18x18", SubnetBuilder.search(a, 288, 128).section("cls_pred").output().toString());
        assertEquals("96x8x8", SubnetBuilder.templateFeatures(a, 128).toString());
        Architecture stride8 = ArchStringCodec.parse(ArchPresets.LIGHTTRACK_MOBILE.replace("_ops_32", "_ops_13"));
        Subnet s8 = SubnetBuilder.search(stride8, 256, 128);
        assertEquals("40x16x16", SubnetBuilder.templateFeatures(stride8, 128).toString());
        assertEquals("256x32x32", s8.section("fusor").units().get(0).output().toString());
        assertEquals("4x32x32", s8.section("reg_pred").output().toString());
    }

    private void assertRow(String section, String shape, double macs, double params) {
        Section s = mobile.section(section);
        assertEquals(shape, s.output().toString(), section + " output");
        assertEquals(macs, s.cost().macs(), 0.05e6, section + " MACs");
        if (params >= 0) {
            assertEquals(params, s.cost().params(), 0.0005e6, section + " params");
        }
    }
}

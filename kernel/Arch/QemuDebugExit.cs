namespace Nooks.Kernel.Arch
{
    // QEMU's isa-debug-exit device. The kernel writes a code to its port; QEMU then exits with
    // status (code << 1) | 1. The host tools compile this same file to read the code back, so both
    // sides agree on the port and the encoding. Internal, so each assembly keeps its own copy.
    internal static class QemuDebugExit
    {
        public const ushort Port = 0xF4;
        public const ushort PortWidth = 4;
        public const uint Success = 0;

        // An even status (0 after a user quit or a reset under -no-reboot) cannot come from the device.
        public const int NotFromDevice = -1;
        private const int DeviceStatusBit = 1;

        public static int CodeFromStatus(int qemuStatus) =>
            (qemuStatus & DeviceStatusBit) != 0 ? qemuStatus >> 1 : NotFromDevice;
    }
}

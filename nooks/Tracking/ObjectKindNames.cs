using Nooks.Api;

namespace Nooks.Tracking
{
    public static class ObjectKindNames
    {
        public static string Of(ObjectKind kind) => kind switch
        {
            ObjectKind.Memory => "memory",
            ObjectKind.DmaBuffer => "dma-buffer",
            ObjectKind.Irq => "irq",
            ObjectKind.Timer => "timer",
            ObjectKind.Lock => "lock",
            ObjectKind.WaitQueue => "wait-queue",
            ObjectKind.NetDevice => "net-device",
            ObjectKind.Packet => "packet",
            ObjectKind.Command => "command",
            ObjectKind.MmioMapping => "mmio",
            _ => "unknown",
        };
    }
}

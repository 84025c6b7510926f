namespace Nooks.Api
{
    // Kinds of kernel objects an extension can hold; the object tracker keeps one table of them
    // per extension so that recovery can release every one.
    public enum ObjectKind
    {
        Memory = 1,
        DmaBuffer,
        Irq,
        Timer,
        Lock,
        WaitQueue,
        NetDevice,
        Packet,
        Command,
        MmioMapping,
    }
}

namespace Nooks.Kernel.Memory
{
    [System.Flags]
    public enum PageFlags : ulong
    {
        None = 0,
        Present = 1UL << 0,
        Writable = 1UL << 1,
        User = 1UL << 2,
        WriteThrough = 1UL << 3,
        CacheDisable = 1UL << 4,
        Large = 1UL << 7,
        Global = 1UL << 8,
        NoExecute = 1UL << 63,

        KernelData = Present | Writable | NoExecute,
        KernelReadOnly = Present | NoExecute,
        KernelCode = Present,
        Mmio = Present | Writable | NoExecute | CacheDisable | WriteThrough,
        UserData = Present | Writable | User | NoExecute,
        UserReadOnly = Present | User | NoExecute,
        UserCode = Present | User,
    }
}

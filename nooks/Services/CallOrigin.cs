namespace Nooks.Services
{
    // Which service created a tracked object, for reports (`nooks objects`).
    public static class CallOrigin
    {
        public const int Loader = 0;
        public const int Allocate = 1;
        public const int AllocateDma = 2;
        public const int MapMmio = 3;
        public const int RegisterIrq = 4;
        public const int CreateTimer = 5;
        public const int CreateLock = 6;
        public const int RegisterNetDevice = 7;
        public const int RegisterCommand = 8;
        public const int CreateWaitQueue = 9;
        public const int AllocatePacket = 10;
        public const int Transmit = 11;       // a packet the kernel handed to a driver to send

        public static string Name(int origin) => origin switch
        {
            Allocate => "nk_alloc",
            AllocateDma => "nk_dma_alloc",
            MapMmio => "nk_mmio_map",
            RegisterIrq => "nk_irq_register",
            CreateTimer => "nk_timer_create",
            CreateLock => "nk_lock_create",
            RegisterNetDevice => "nk_netdev_register",
            RegisterCommand => "nk_command_register",
            CreateWaitQueue => "nk_waitq_create",
            AllocatePacket => "nk_packet_alloc",
            Transmit => "transmit",
            _ => "loader",
        };
    }
}

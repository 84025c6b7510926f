namespace Nooks.HostTests.KernelApi;

// Calls the generated wrappers the way an isolated extension's imports do (through the
// addresses the table gives the loader) and reads what they did from the doubles' trace.
public unsafe class WrapperBehaviourTests(LoadedKernelSide kernel) : IClassFixture<LoadedKernelSide>
{
    private const ulong HeapAddress = 0x5000;
    private const ulong BufferAddress = 0x9000;

    [Fact]
    public void HandleTheExtensionDoesNotHoldIsABadCallAndTheKernelIsLeft()
    {
        kernel.Reset(refuse: "Holds");
        ((delegate* unmanaged<void*, int>)kernel.WrapperAddress("nk_free"))((void*)HeapAddress);
        Assert.Equal(["EnterKernel 4", "Holds Memory 20480", "BadCall 4 nk_free: memory is not a Memory the extension holds", "LeaveKernel"],
            kernel.Events);
    }

    [Fact]
    public void CallWithAHeldHandleReachesTheService()
    {
        kernel.Reset();
        int status = ((delegate* unmanaged<void*, int>)kernel.WrapperAddress("nk_free"))((void*)HeapAddress);
        Assert.Equal(0, status);
        Assert.Equal(["EnterKernel 4", "Holds Memory 20480", "Free 20480", "LeaveKernel"], kernel.Events);
    }

    [Fact]
    public void ResultComesBackThroughTheWrapper()
    {
        kernel.Reset();
        void* memory = ((delegate* unmanaged<long, void*>)kernel.WrapperAddress("nk_alloc"))(64);
        Assert.Equal(HeapAddress, (ulong)memory);
        Assert.Equal(["EnterKernel 3", "Allocate 64", "LeaveKernel"], kernel.Events);
    }

    [Fact]
    public void EntryPointOutsideTheExtensionIsABadCall()
    {
        kernel.Reset(refuse: "IsCode");
        ((delegate* unmanaged<ulong, long, long>)kernel.WrapperAddress("nk_irq_register"))(0x7000, 3);
        Assert.Equal(["EnterKernel 14", "IsCode 28672", "BadCall 14 nk_irq_register: handler is not code of the extension", "LeaveKernel"],
            kernel.Events);
    }

    [Fact]
    public void UnreadableBufferIsABadCallAndTheServiceIsNotCalled()
    {
        kernel.Reset(refuse: "CanRead");
        ((delegate* unmanaged<int, byte*, int, void>)kernel.WrapperAddress("nk_log"))(1, (byte*)BufferAddress, 5);
        Assert.Equal(["EnterKernel 0", "CanRead 36864 5", "BadCall 0 nk_log: text is not readable for length bytes", "LeaveKernel"],
            kernel.Events);
    }

    [Fact]
    public void OversizedLengthIsRefusedBeforeTheBufferIsChecked()
    {
        kernel.Reset();
        ((delegate* unmanaged<int, byte*, int, void>)kernel.WrapperAddress("nk_log"))(1, (byte*)BufferAddress, 1025);
        Assert.Equal(["EnterKernel 0", "BadCall 0 nk_log: length is not in 0..1024", "LeaveKernel"], kernel.Events);
    }

    [Fact]
    public void DeferrableCallIsQueuedInsteadOfCalled()
    {
        kernel.Reset();
        ((delegate* unmanaged<long, byte*, int, int>)kernel.WrapperAddress("nk_netdev_receive"))(9, (byte*)BufferAddress, 60);
        Assert.Equal(["EnterKernel 25", "Holds NetDevice 9", "CanRead 36864 60", "DeferReceiveFrame 60", "LeaveKernel"], kernel.Events);
    }

    [Fact]
    public void SleepingWhereTheCallerMayNotIsABadCall()
    {
        kernel.Reset(refuse: "MayBlock");
        ((delegate* unmanaged<long, int, int>)kernel.WrapperAddress("nk_waitq_wait"))(2, 100);
        Assert.Equal(["EnterKernel 29", "Holds WaitQueue 2", "MayBlock ",
            "BadCall 29 nk_waitq_wait: may block, but the caller may not sleep (interrupt handler or timer, lock held, or entered with interrupts off)", "LeaveKernel"],
            kernel.Events);
    }

    [Fact]
    public void SleepWhereTheCallerMayReachesTheService()
    {
        kernel.Reset();
        Assert.Equal(0, ((delegate* unmanaged<long, int, int>)kernel.WrapperAddress("nk_waitq_wait"))(2, 100));
        Assert.Equal(["EnterKernel 29", "Holds WaitQueue 2", "MayBlock ", "WaitOnQueue 100", "LeaveKernel"], kernel.Events);
    }

    [Fact]
    public void ReceivedPacketMustBeHeldAndItsFrameBounded()
    {
        kernel.Reset();
        var receive = (delegate* unmanaged<long, long, int, int>)kernel.WrapperAddress("nk_netdev_receive_packet");
        receive(9, 0x6000, 60);
        Assert.Equal(["EnterKernel 34", "Holds NetDevice 9", "Holds Packet 24576", "DeferReceivePacket 24576 60", "LeaveKernel"], kernel.Events);

        kernel.Reset();
        receive(9, 0x6000, 1523);
        Assert.Equal(["EnterKernel 34", "BadCall 34 nk_netdev_receive_packet: length is not in 0..1522", "LeaveKernel"], kernel.Events);
    }

    [Fact]
    public void PacketNotHeldCannotBeFreed()
    {
        kernel.Reset(refuse: "Holds");
        ((delegate* unmanaged<long, int>)kernel.WrapperAddress("nk_packet_free"))(0x6000);
        Assert.Equal(["EnterKernel 33", "Holds Packet 24576", "BadCall 33 nk_packet_free: packet is not a Packet the extension holds", "LeaveKernel"], kernel.Events);
    }

    [Fact]
    public void IsolatedFreeOfAPacketIsQueuedInTheDomainWithoutACrossing()
    {
        kernel.Reset();
        Assert.NotEqual(0UL, kernel.DomainQueueAddress("nk_packet_free"));
        Assert.Equal(0, ((delegate* unmanaged<long, int>)kernel.DomainQueueAddress("nk_packet_free"))(0x6000));
        Assert.Equal(["Append 33 24576 0 0"], kernel.Events);
    }

    [Fact]
    public void CallsWithBuffersCrossToTheirWrapperWhenIsolated()
    {
        Assert.Equal(0UL, kernel.DomainQueueAddress("nk_netdev_receive"));
        Assert.Equal(0UL, kernel.DomainQueueAddress("nk_alloc"));
    }

    [Fact]
    public void QueuedCallsAreCheckedWhenTakenOver()
    {
        kernel.Reset();
        Assert.Null(kernel.TakeOver(34, 9, 0x6000, 60));
        Assert.Equal(["Holds NetDevice 9", "Holds Packet 24576", "CountQueued 34", "DeferReceivePacket 24576 60"], kernel.Events);

        kernel.Reset();
        Assert.Equal("nk_netdev_receive_packet: length is not in 0..1522", kernel.TakeOver(34, 9, 0x6000, 1523));
        Assert.Empty(kernel.Events);

        kernel.Reset(refuse: "Holds");
        Assert.Equal("nk_packet_free: packet is not a Packet the extension holds", kernel.TakeOver(33, 0x6000));
        Assert.Equal(["Holds Packet 24576"], kernel.Events);
    }

    [Fact]
    public void AnEntryNamingACallThatCannotBeQueuedIsRefused()
    {
        kernel.Reset();
        Assert.Equal("a call that cannot be queued in the domain", kernel.TakeOver(4, 0x5000));   // nk_free
        Assert.Equal("a call that cannot be queued in the domain", kernel.TakeOver(-1, 0));
        Assert.Empty(kernel.Events);
    }

    [Fact]
    public void NativeBindingCallsTheServiceWithoutCrossingTheGate()
    {
        kernel.Reset();
        ((delegate* unmanaged<void*, int>)kernel.NativeAddress("nk_free"))((void*)HeapAddress);
        Assert.Equal(["Free 20480"], kernel.Events);
    }

    [Fact]
    public void EverySymbolLooksUpItsOwnIndex()
    {
        Assert.Equal(GeneratorRun.DeclaredCallCount(), kernel.CallCount);
        for (int index = 0; index < kernel.CallCount; index++)
        {
            Assert.Equal(index, kernel.IndexOf(kernel.CallName(index)!));
        }
        Assert.Null(kernel.CallName(kernel.CallCount));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nk_fre")]
    [InlineData("nk_frex")]
    [InlineData("nk_free_")]
    [InlineData("NK_FREE")]
    public void UnknownSymbolIsMinusOne(string symbol) => Assert.Equal(-1, kernel.IndexOf(symbol));
}

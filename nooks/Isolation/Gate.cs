using Nooks.Api;
using Nooks.Extensions;
using Nooks.Kernel;
using Nooks.Kernel.Arch;
using Nooks.Kernel.Interrupts;
using Nooks.Isolation.Generated;

namespace Nooks.Isolation
{
    // The C# half of the XPC gate: calls from the kernel into extensions (direct for native ones,
    // crossings for isolated ones), the kernel side of wrapped calls out of a domain, and the
    // unwinding of a failed domain back to the kernel caller that entered it.
    public static unsafe class Gate
    {
        private const int MaxDomains = 32;
        private const ulong KernelRflags = 0x2;            // reserved bit 1 set, interrupts off
        private static readonly Domain[] domains = new Domain[MaxDomains];

        // Each thread has its own chain of crossings (it may block inside a kernel call made
        // from a domain while another thread enters the same domain). Extensions load after the
        // scheduler has made the boot thread, so a crossing always has a thread; before that
        // (an exception early in boot) there is no chain.
        private static XpcRecord* innermost
        {
            get
            {
                Kernel.Threading.KernelThread t = Kernel.Threading.Scheduler.Current;
                return t != null ? (XpcRecord*)t.XpcChain : null;
            }
            set
            {
                Kernel.Threading.Scheduler.Current.XpcChain = (ulong)value;
                XpcGate.SetCurrentRecord(value);
            }
        }

        public static void Initialize()
        {
            XpcGate.SetKernelCr3(Kernel.Memory.Pcids.KeepingEntries(Kernel.Memory.AddressSpace.Kernel.Root));
            if (KernelApiTable.CallCount > XpcGate.MaxCalls())
                Panic.Halt($"the kernel API has {KernelApiTable.CallCount} calls, the XPC gate room for {XpcGate.MaxCalls()} (boot/xpc.asm XPC_MAX_CALLS)");
            for (int i = 0; i < KernelApiTable.CallCount; i++) XpcGate.SetWrapperTarget(i, KernelApiTable.WrapperAddress(i));
            Domain.BuildView();
            InterruptDispatch.AddFaultClaimer(&ClaimFault);
        }

        public static XpcRecord* Innermost => innermost;

        // The extension on whose behalf the kernel is running now, if any: the callee of the
        // thread's latest native call, unless a crossing begun since (the native extension
        // called into an isolated one) is still running; else the innermost crossing's.
        public static Extension Current
        {
            get
            {
                Kernel.Threading.KernelThread t = Kernel.Threading.Scheduler.Current;
                if (t == null) return null;
                XpcRecord* r = (XpcRecord*)t.XpcChain;
                if (t.NativeCallee != null && t.NativeCalleeOver == (ulong)r) return (Extension)t.NativeCallee;
                return r != null ? domains[r->DomainId].Owner : null;
            }
        }

        public static Domain CreateDomain(Extension owner)
        {
            for (int i = 0; i < MaxDomains; i++)
                if (domains[i] == null) return domains[i] = new Domain(i, owner);
            return null;
        }

        public static void ReleaseDomain(Domain d) { if (domains[d.Id] == d) domains[d.Id] = null; }

        // Calls an extension function with up to four integer arguments.
        public static long Call(Extension ext, ulong function, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0)
        {
            if (!ext.AcceptsCalls) return ApiStatus.ExtensionFailed;
            ext.Crossings++;
            if (ext.InjectFault)
            {
                ext.InjectFault = false;
                function = XpcGate.InjectedFaultAddress();
            }
            if (!ext.IsIsolated) return CallNative(ext, function, a0, a1, a2, a3);

            Domain d = ext.Domain;
            XpcRecord* outer = innermost;
            // Nested: the domain called the kernel, which calls back in. The domain goes on below
            // its own call out, on the stack that call was made from.
            XpcRecord* enclosing = InnermostFrom(outer, d);
            bool nested = enclosing != null;
            XpcRecord record = default;
            record.DomainId = d.Id;
            record.Outer = outer;
            record.StackIndex = -1;
            if (nested) record.StackTop = enclosing->DomainRsp;
            else
            {
                record.StackIndex = d.TakeStack();
                if (record.StackIndex < 0) return ApiStatus.Busy;
                record.StackTop = d.StackTop(record.StackIndex);
            }
            record.StartTsc = Cpu.ReadTsc();
            innermost = &record;
            // Interrupts off until xpc_call loads the value: no translation may change between
            // Domain.EnterCr3's choice to keep the domain's TLB entries and the CR3 write.
            // xpc_return restores the caller's flags but leaves interrupts off: an interrupt
            // handler entering this domain before the record leaves the chain would take the
            // crossing for a nested one and run the domain on this kernel stack.
            record.CallerFlags = Cpu.SaveAndDisableInterrupts();
            record.CallerCr3 = Kernel.Memory.Pcids.KeepingEntries(Cpu.ReadCr3());
            record.DomainCr3 = d.EnterCr3();
            // An unwind out of the domain may skip the frames of native calls made inside this
            // crossing, and with them the restoring of the thread's native callee.
            Kernel.Threading.KernelThread thread = Kernel.Threading.Scheduler.Current;
            object nativeCallee = thread.NativeCallee;
            ulong nativeCalleeOver = thread.NativeCalleeOver;
            long result = XpcGate.Call(&record, (void*)function, a0, a1, a2, a3);
            innermost = record.Outer;
            if (result == ApiStatus.ExtensionFailed)
            {
                thread.NativeCallee = nativeCallee;
                thread.NativeCalleeOver = nativeCalleeOver;
            }
            Cpu.RestoreInterrupts(record.CallerFlags);
            if (nested) return result;

            // The domain stays alive while this crossing holds one of its stacks: recovery
            // (WaitForThreadsToLeave) frees it once every stack is back, so give the stack back
            // only after the last look at d.
            if (ext.AcceptsCalls && d.LocksHeld > 0)
            {
                Fail(ext, $"returned to the kernel holding {d.LocksHeld} lock(s)");
                result = ApiStatus.ExtensionFailed;
            }
            else if (ext.AcceptsCalls && !Deferred.Flush(d))
            {
                // A bad call found in the domain's ring: the call itself returned, but the caller
                // must not use what it returned (a command's output is in the mailbox recovery frees).
                result = ApiStatus.ExtensionFailed;
            }
            d.ReturnStack(record.StackIndex);
            if (ext.State == ExtensionState.Failed) Recovery.RecoveryManager.Request(ext);
            return result;
        }

        // Per thread, like the chain of crossings: a native call may sleep, and interrupt
        // handlers calling other extensions nest inside it on the same thread.
        private static long CallNative(Extension ext, ulong function, long a0, long a1, long a2, long a3)
        {
            Kernel.Threading.KernelThread t = Kernel.Threading.Scheduler.Current;
            object previous = t.NativeCallee;
            ulong previousOver = t.NativeCalleeOver;
            t.NativeCallee = ext;
            t.NativeCalleeOver = t.XpcChain;
            long r = ((delegate* unmanaged<long, long, long, long, long>)function)(a0, a1, a2, a3);
            t.NativeCallee = previous;
            t.NativeCalleeOver = previousOver;
            return r;
        }

        // Wrappers call this first. The gate (xpc_wrapped_call) has already left the domain's
        // page tables and stack for the kernel's.
        public static Domain EnterKernel(int callIndex)
        {
            Domain d = domains[innermost->DomainId];
            d.Owner.Crossings++;
            Statistics.CountCall(callIndex);
            return d;
        }

        // A thread that slept in a kernel call while its extension failed (or was unloaded) does
        // not go back into the domain: it unwinds to the caller of its outermost crossing, and
        // recovery, which waits for every thread to leave, can then free the domain.
        // Interrupts go off before the domain's CR3 value is chosen (Domain.EnterCr3) and stay off
        // until the gate has loaded it.
        public static void LeaveKernel(Domain d)
        {
            if (!d.Owner.AcceptsCalls) XpcGate.Abort(OutermostFor(d), ApiStatus.ExtensionFailed);
            XpcRecord* crossing = innermost;
            if (crossing->Overdue)
            {
                // The watchdog found the crossing too old while kernel code ran for it, where
                // nothing can be unwound; it ends here, on the way back in.
                Fail(d.Owner, $"lockup: still running after {Watchdog.LimitMilliseconds} ms, caught returning from a kernel call");
                XpcGate.Abort(OutermostFor(d), ApiStatus.ExtensionFailed);
            }
            Cpu.DisableInterrupts();
            crossing->DomainCr3 = d.EnterCr3();
        }

        // Whether the extension's current call may sleep: a thread, not an interrupt handler or
        // timer; for an isolated extension, entered by a kernel caller that had interrupts on
        // and holding none of its spinning locks; for a native one, interrupts on now.
        public static bool MaySleep(Extension ext)
        {
            if (Irq.InHandler || Kernel.Threading.Scheduler.Current == null) return false;
            if (!ext.IsIsolated) return Cpu.InterruptsEnabled;
            XpcRecord* r = innermost;
            return r != null && (r->CallerFlags & Cpu.InterruptFlag) != 0 && ext.Domain.LocksHeld == 0;
        }

        // Time a thread slept inside a kernel call does not count towards its crossings' lockup limit.
        public static void ExcludeFromWatchdog(ulong tsc)
        {
            for (XpcRecord* r = innermost; r != null; r = r->Outer) r->StartTsc += tsc;
        }

        // Recovery and unload: every thread inside the domain (asleep in a kernel call it made,
        // or preempted there) must leave before the domain's stacks and memory are freed.
        // Sleepers have been woken; each unwinds when it runs and gives its stack back.
        public static void WaitForThreadsToLeave(Domain d)
        {
            const ulong PollMilliseconds = 1;
            const int ReportEvery = 1000;
            if (d.StacksInUse == 0) return;
            Kernel.Threading.Scheduler.AssertMaySleep("waiting for threads to leave a domain");
            for (int polls = 1; d.StacksInUse > 0; polls++)
            {
                Kernel.Threading.Scheduler.Sleep(PollMilliseconds);
                if (polls % ReportEvery == 0)
                    Kernel.Console.Log.Warn("nooks", $"{d.Owner.Name}: still waiting for {d.StacksInUse} thread(s) to leave its domain");
            }
        }

        // A wrapper found a bad call: the domain fails and unwinds; this never returns.
        public static void BadCall(Domain d, int callIndex, string reason) => FailCall(d, reason);

        // A service found that the call cannot go on (what no wrapper can see in the arguments
        // alone, such as a wait that can never end): the domain fails and unwinds.
        public static void FailCall(Domain d, string reason)
        {
            Fail(d.Owner, $"bad call: {reason}");
            XpcGate.Abort(OutermostFor(d), ApiStatus.ExtensionFailed);
        }

        // The extension reported a managed failure (throw, bounds, null, cast).
        public static void ManagedFailure(Extension ext, string what)
        {
            if (!ext.IsIsolated) Panic.Halt($"extension {ext.Name} (native) failed: {what}");
            Fail(ext, what);
            XpcGate.Abort(OutermostFor(ext.Domain), ApiStatus.ExtensionFailed);
        }

        public static void Fail(Extension ext, string reason)
        {
            ext.State = ExtensionState.Failed;
            ext.Faults++;
            Kernel.Memory.KernelHeap.FreeObject(ext.LastFault);
            ext.LastFault = reason;
            ext.LastFaultNanos = Kernel.Console.Log.Now();
            Kernel.Console.Log.Error("nooks", $"extension {ext.Name} failed: {reason}");
        }

        private static XpcRecord* OutermostFor(Domain d) => OutermostFrom(innermost, d);

        private static XpcRecord* InnermostFrom(XpcRecord* chain, Domain d)
        {
            for (XpcRecord* r = chain; r != null; r = r->Outer)
                if (r->DomainId == d.Id) return r;
            return null;
        }

        private static XpcRecord* OutermostFrom(XpcRecord* chain, Domain d)
        {
            XpcRecord* found = null;
            for (XpcRecord* r = chain; r != null; r = r->Outer)
                if (r->DomainId == d.Id) found = r;
            return found;
        }

        // CPU exceptions raised while a domain's page tables were live are the domain's fault.
        private static bool ClaimFault(InterruptFrame* f)
        {
            if (f->DomainCr3 == 0) return ClaimNativeFault(f);
            Domain d = DomainByCr3(f->DomainCr3);
            if (d == null) return false;
            Fail(d.Owner, FaultDescription.Of(f, d.Owner));
            return UnwindTo(f, d);
        }

        // Resumes the interrupted context at the caller of the outermost crossing into d.
        public static bool UnwindTo(InterruptFrame* f, Domain d)
        {
            XpcRecord* r = OutermostFor(d);
            if (r == null) return false;
            f->Rip = XpcGate.AbortLandingAddress();
            f->Rdi = (ulong)r;
            f->Rax = unchecked((ulong)(long)ApiStatus.ExtensionFailed);
            f->Rsp = r->Rsp;
            f->Cs = Gdt.KernelCode;
            f->Ss = Gdt.KernelData;
            f->Rflags = KernelRflags;
            f->DomainCr3 = 0;
            return true;
        }

        // A native extension has no protection: its fault is the kernel's. Say whose code it was.
        private static bool ClaimNativeFault(InterruptFrame* f)
        {
            Extension e = ExtensionRegistry.ContainingCode(f->Rip);
            if (e != null) Kernel.Console.Terminal.WriteRaw($"\n*** fault in native extension {e.Name} at {e.Name}+0x{f->Rip - e.Image.Base:x}; native extensions are not isolated\n");
            return false;
        }

        private static Domain DomainByCr3(ulong cr3)
        {
            for (int i = 0; i < MaxDomains; i++)
                if (domains[i] != null && domains[i].Root == Kernel.Memory.TaggedCr3.Root(cr3)) return domains[i];
            return null;
        }

        public static Domain DomainAt(int id) => domains[id];
    }
}

using Nooks.Api;

namespace Nooks.Isolation
{
    // The isolated binding of a deferrable call whose arguments are all integers or handles
    // (generated: Nooks.Isolation.Generated.DomainQueueStubs): it runs on the domain's page
    // tables and only appends the call to the domain's ring, so it must write nothing but the
    // ring and read nothing of the kernel's data. Only a full ring costs a crossing.
    public static unsafe class DomainQueue
    {
        public static int Append(int call, long a0, long a1, long a2)
        {
            var ring = (DeferredRing*)DeferredRing.DomainAddress;
            int n = ring->Count;
            if ((uint)n >= DeferredRing.Capacity)
            {
                TakeOverNow(call);
                n = 0;
            }
            long* entry = ring->Entries + n * DeferredRing.Fields;
            entry[0] = call;
            entry[1] = a0;
            entry[2] = a1;
            entry[3] = a2;
            ring->Count = n + 1;
            return ApiStatus.Ok;
        }

        // Out of the domain, as a wrapper would go, to take the full ring over now.
        private static void TakeOverNow(int call)
        {
            Domain d = Gate.EnterKernel(call);
            string problem = Deferred.TakeOver(d);
            if (problem != null) Gate.BadCall(d, call, problem);
            Gate.LeaveKernel(d);
        }
    }
}

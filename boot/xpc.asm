; The XPC gate: the only way into and out of a protection domain. A crossing switches page
; tables and stacks and leaves a record that a fault inside the domain unwinds to.
bits 64

; XpcRecord (nooks/Isolation/XpcRecord.cs), one per crossing into a domain, on the caller's stack.
XPC_RSP          equ 0
XPC_RBX          equ 8
XPC_RBP          equ 16
XPC_R12          equ 24
XPC_R13          equ 32
XPC_R14          equ 40
XPC_R15          equ 48
XPC_DOMAIN_CR3   equ 56
XPC_STACK_TOP    equ 64
XPC_CALLER_CR3   equ 72
XPC_CALLER_FLAGS equ 80
XPC_DOMAIN_RSP   equ 88
RFLAGS_IF        equ 0x200

; Room for this many kernel calls in the table of wrapped-call entries (KernelApiTable.CallCount
; must not exceed it; Gate.Initialize checks). Each entry is one 16-byte slot.
XPC_MAX_CALLS    equ 64
XPC_ENTRY_BYTES  equ 16

section .data
global domain_active, kernel_cr3
; Nonzero while a domain's page tables are live: interrupt entry then switches to kernel_cr3.
domain_active: db 0
align 8
; The kernel's tables, with PCIDs on also the bit that keeps PCID 0's TLB entries (Pcids).
kernel_cr3: dq 0
global xpc_current_record
; The running thread's innermost crossing (its XpcRecord), 0 if none: while a domain's tables are
; live, its saved RSP is where kernel code for this thread runs (interrupt entry, wrapped calls),
; so that no kernel frame is ever on a stack the extension can write. Set by Gate and by the
; scheduler on every switch.
xpc_current_record: dq 0
; The wrapper each entry of xpc_wrapped_call_entries calls (Gate.Initialize fills it in).
xpc_wrapper_targets: times XPC_MAX_CALLS dq 0

section .text
global xpc_call, xpc_abort_landing, xpc_set_kernel_cr3, xpc_set_current_record
global xpc_set_wrapper_target, xpc_wrapped_call_entry, xpc_max_calls

xpc_set_kernel_cr3:
    mov [rel kernel_cr3], rdi
    ret

xpc_set_current_record:
    mov [rel xpc_current_record], rdi
    ret

; long xpc_call(XpcRecord* record, void* function, long a0, long a1, long a2, long a3)
; Calls function(a0..a3) inside the record's domain with interrupts off and returns its result.
; Gate.Call has turned interrupts off and filled in the record's CR3 values (chosen with
; interrupts off: PCIDs, and whether TLB entries may be kept) and the caller's RFLAGS, which
; xpc_return restores with interrupts still off: no flag the domain set survives the return.
xpc_call:
    mov [rdi + XPC_RSP], rsp
    mov [rdi + XPC_RBX], rbx
    mov [rdi + XPC_RBP], rbp
    mov [rdi + XPC_R12], r12
    mov [rdi + XPC_R13], r13
    mov [rdi + XPC_R14], r14
    mov [rdi + XPC_R15], r15
    mov r12, rdi                    ; record, callee-saved across the call
    mov r11, rsi                    ; function
    mov rdi, rdx
    mov rsi, rcx
    mov rdx, r8
    mov rcx, r9
    mov rsp, [r12 + XPC_STACK_TOP]  ; a fresh domain stack, or below the domain's own call out
    and rsp, -16
    mov rax, [r12 + XPC_DOMAIN_CR3]
    mov byte [rel domain_active], 1
    mov cr3, rax
    call r11
    mov rdx, [r12 + XPC_CALLER_CR3]
    mov cr3, rdx
    mov byte [rel domain_active], 0
    mov rdi, r12
    jmp xpc_return

; A fault in the domain resumes here (the fault handler rewrites its frame) with rdi = the
; record of the outermost crossing into the failed domain and rax = the error to return.
xpc_abort_landing:
    mov rdx, [rdi + XPC_CALLER_CR3]
    mov cr3, rdx
    mov byte [rel domain_active], 0
xpc_return:
    mov rsp, [rdi + XPC_RSP]
    mov rbx, [rdi + XPC_RBX]
    mov rbp, [rdi + XPC_RBP]
    mov r12, [rdi + XPC_R12]
    mov r13, [rdi + XPC_R13]
    mov r14, [rdi + XPC_R14]
    mov r15, [rdi + XPC_R15]
    mov rcx, [rdi + XPC_CALLER_FLAGS]
    and rcx, ~RFLAGS_IF             ; Gate.Call turns interrupts back on once the record is off the chain
    push rcx
    popfq
    ret

; A kernel call made from inside a domain. The extension's import of call i is bound to entry i,
; which jumps here with r11 = the wrapper and the call's arguments in rdi..r9. Switch to the
; kernel's tables, then to this thread's kernel stack below the crossing (the domain's own stack
; is the extension's to write: no kernel frame goes there, not even one asleep), run the
; wrapper, and go back. The wrapper returns with interrupts off and the domain's CR3 value, chosen
; with interrupts off, in the record (Gate.LeaveKernel); a wrapper that fails the domain
; unwinds instead and never comes back here. Interrupts go off first (domains run with them off
; unless an extension turned them on): one taken before the stack switch would otherwise leave
; its frame on the domain's stack.
xpc_wrapped_call:
    cli
    mov rax, [rel kernel_cr3]
    mov cr3, rax
    mov byte [rel domain_active], 0
    mov rax, [rel xpc_current_record]
    mov [rax + XPC_DOMAIN_RSP], rsp
    mov rsp, [rax + XPC_RSP]
    and rsp, -16
    call r11
    mov rdx, [rel xpc_current_record]
    mov rsp, [rdx + XPC_DOMAIN_RSP]
    mov rdx, [rdx + XPC_DOMAIN_CR3]
    mov byte [rel domain_active], 1
    mov cr3, rdx
    ret

align XPC_ENTRY_BYTES
xpc_wrapped_call_entries:
%assign i 0
%rep XPC_MAX_CALLS
    mov r11, [rel xpc_wrapper_targets + i * 8]
    jmp xpc_wrapped_call
    align XPC_ENTRY_BYTES
%assign i i + 1
%endrep

; void xpc_set_wrapper_target(int index, ulong wrapper)
xpc_set_wrapper_target:
    movsxd rdi, edi
    lea rax, [rel xpc_wrapper_targets]
    mov [rax + rdi * 8], rsi
    ret

; ulong xpc_wrapped_call_entry(int index): what an isolated extension's import of call index is bound to
xpc_wrapped_call_entry:
    movsxd rdi, edi
    lea rax, [rel xpc_wrapped_call_entries]
    shl rdi, 4                      ; XPC_ENTRY_BYTES
    add rax, rdi
    ret

xpc_max_calls:
    mov eax, XPC_MAX_CALLS
    ret

; void xpc_abort(XpcRecord* record, long status): unwind a failed domain from kernel code (a
; wrapper that found a bad call) straight to the caller of the outermost crossing.
global xpc_abort, xpc_abort_landing_address
xpc_abort:
    mov rax, rsi
    jmp xpc_abort_landing

xpc_abort_landing_address:
    lea rax, [rel xpc_abort_landing]
    ret

; `nooks inject`: the next crossing into an extension runs this instead of the entry point, so a
; real CPU fault is raised inside the extension's context at a moment of the kernel's choosing
; (during traffic, in an interrupt, ...).
global xpc_injected_fault, xpc_injected_fault_address
xpc_injected_fault:
    ud2

xpc_injected_fault_address:
    lea rax, [rel xpc_injected_fault]
    ret

#!/usr/bin/env python3
"""Generates the catalog resources of org.spaprov.profile.catalog from ../shared (run once, by hand).

    python3 spaprov-profile/catalog-gen/gen_catalogs.py ../shared spaprov-profile/src/main/resources/org/spaprov/profile/catalog

Reads spec/spa2102-parameters.csv and a few corpus files; the generated TSV files are committed,
the inputs are never read at run time. Columns: xml, text, type, choices, default, ua, group,
secret, note. A note starting with "inferred" says the type (or row) was inferred, not given.
"""
import csv, re, sys, os

shared, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

def to_xml(text):
    return re.sub(r'[ \[\]()/]', '_', text)

def cap_bool(v):
    return {'yes': 'Yes', 'no': 'No'}.get(v, v)

# --- types given by SPEC §7.1 ---------------------------------------------------------------
SPEC_TYPES = {
    'Provision_Enable': 'bool', 'Resync_On_Reset': 'bool', 'Resync_Random_Delay': 'uns16',
    'Resync_Periodic': 'schedule', 'Resync_Error_Retry_Delay': 'schedule', 'Forced_Resync_Delay': 'uns32',
    'Resync_From_SIP': 'bool', 'Resync_After_Upgrade_Attempt': 'bool', 'Resync_Trigger_1': 'condition',
    'Resync_Trigger_2': 'condition', 'Resync_Fails_On_FNF': 'bool', 'Profile_Rule': 'rule',
    'Profile_Rule_B': 'rule', 'Profile_Rule_C': 'rule', 'Profile_Rule_D': 'rule', 'Report_Rule': 'report-rule',
    'Upgrade_Enable': 'bool', 'Upgrade_Error_Retry_Delay': 'schedule', 'Downgrade_Rev_Limit': 'version',
    'Upgrade_Rule': 'upgrade-rule', 'License_Keys': 'str:1023', 'Recovery_URL': 'str:1023',
    'Log_Resync_Request_Msg': 'str:127', 'Log_Resync_Success_Msg': 'str:127', 'Log_Resync_Failure_Msg': 'str:127',
    'Log_Upgrade_Request_Msg': 'str:127', 'Log_Upgrade_Success_Msg': 'str:127', 'Log_Upgrade_Failure_Msg': 'str:127',
}
for c in 'ABCDEFGHIJKLMNOP':
    SPEC_TYPES['GPP_' + c] = 'str:1023'
for c in 'ABCD':
    SPEC_TYPES['GPP_S' + c] = 'str:1023'
# Auth_Resync-Reboot_n_ is Bool per SPEC 7.1 too (handled by the Yes/No default).

FACTORY = {'Resync_Periodic': '3600', 'Profile_Rule': '/spa$PSN.cfg', 'Primary_DNS': '', 'Secondary_DNS': ''}

def base(name):
    """Name without a trailing _n_ index."""
    return re.sub(r'_\d+_$', '', name)

def is_secret(name):
    b = base(name)
    return bool(re.search(r'Passw(or)?d|_PIN$|Private_Key|Mini_Certificate', b)) or b in (
        'License_Keys', 'GPP_SA', 'GPP_SB', 'GPP_SC', 'GPP_SD') or re.search(r'VoIP_Caller_\d_PIN|PSTN_Caller_\d_PIN', b) is not None

IP_NAMES = {'Static_IP', 'NetMask', 'Gateway', 'LAN_IP_Address', 'EXT_IP', 'Primary_DNS', 'Secondary_DNS'}
FQDN_NAMES = {'Proxy', 'Outbound_Proxy', 'STUN_Server', 'TURN_Server', 'Auth_Server', 'Primary_NTP_Server',
              'Secondary_NTP_Server', 'Syslog_Server', 'Debug_Server',
              'Gateway_1', 'Gateway_2', 'Gateway_3', 'Gateway_4'}
USERID_NAMES = {'User_ID', 'Auth_ID', 'GW1_Auth_ID', 'GW2_Auth_ID', 'GW3_Auth_ID', 'GW4_Auth_ID', 'PPPOE_Login_Name',
                'PPPoE_Login_Name'}

def infer(name, default, choices):
    """(type, note) for a parameter with no type in the sources."""
    b = base(name)
    if name in SPEC_TYPES:
        return SPEC_TYPES[name], 'type from SPEC 7.1'
    if choices:
        return 'choice', ''
    if default in ('Yes', 'No', 'yes', 'no'):
        return 'bool', 'inferred bool from default'
    if b in IP_NAMES:
        return 'ip', 'inferred ip from name'
    if b in FQDN_NAMES:
        return 'fqdn', 'inferred fqdn from name'
    if b in USERID_NAMES:
        return 'userid', 'inferred userid from name'
    if re.search(r'_RSC$', b):
        return 'rsctmplt', 'inferred RscTmplt from name'
    if re.search(r'(^|_)Dial_Plan(_\d_\d_)?$', b) or re.fullmatch(r'Dial_Plan_\d_\d_', b) or re.search(r'_DP$', b) and not default.isdigit():
        return 'dialplan', 'inferred DialPlanScript from name'
    if re.search(r'Cadence$', b):
        return 'cadscript', 'inferred CadScript from name'
    if b in ('CWT_Frequency',):
        return 'freqscript', 'inferred FreqScript from default'
    if re.search(r'_Tone$', b):
        return 'tonescript', 'inferred ToneScript from name'
    if re.search(r'_Caller$', b) or b in ('Accept_Last_Caller', 'Block_Last_Caller'):
        return 'phtmplt', 'inferred PhTmplt from name'
    if re.search(r'_Dest$|^Speed_Dial_\d$|^Emergency_Number$|^Service_Annc_Base_Number$', b):
        return 'phone', 'inferred Phone from name'
    if re.search(r'_Code$', b) and not re.search(r'Codes$', b):
        return 'actcode', 'inferred ActCode from name'
    if re.search(r'Port(_Min|_Max)?$', b) and b not in ('FXS_Port_Impedance', 'FXO_Port_Impedance', 'Num_of_Ports_Reserved'):
        return 'port', 'inferred port from name'
    if re.search(r'_Gain$|Playback_Level$', b):
        return 'pwrlevel', 'inferred PwrLevel (dB) from name'
    if b == 'Cloned_MAC_Address':
        return 'mac', 'inferred MAC address from name'
    if re.search(r'Password|Passwd|_PIN$|Key|Certificate', b):
        return 'str:127', 'inferred secret string from name'
    if re.fullmatch(r'-?\d*\.\d+', default) or (b.startswith('SIP_T') and re.fullmatch(r'\d+', default)) \
            or b in ('Hook_Flash_Timer_Min', 'Hook_Flash_Timer_Max', 'Callee_On_Hook_Delay', 'Reorder_Delay',
                     'Call_Back_Delay', 'Interdigit_Long_Timer', 'Interdigit_Short_Timer', 'CPC_Delay', 'CPC_Duration',
                     'RTP_Packet_Size', 'DTMF_Playback_Length', 'PSTN_Hook_Flash_Len', 'Min_CPC_Duration'):
        return 'time:3', 'inferred Time (seconds, 3 decimals) from default/name'
    if re.fullmatch(r'0x[0-9a-fA-F]+', default) or re.search(r'ToS_DiffServ_Value|CoS_Value$', b):
        return 'uns8', 'inferred Uns8 from name/default'
    if re.fullmatch(r'-\d+', default):
        return 'sig16', 'inferred Sig16 from default'
    if re.search(r'Payload$', b) or b in ('Max_Forward', 'Max_Redirection', 'Max_Auth', 'Ring_Frequency', 'Ring_Voltage',
                                          'DMZ_Host_IP_Address', 'DHCP_Client_Starting_IP_Address'):
        return 'uns8', 'inferred Uns8 from name/default'
    if re.search(r'Expires|Intvl|Delay|Timer|Timeout|Dur$|Duration|Time$|Len$|Cap$', b) and (default == '' or default.isdigit()):
        return 'uns32', 'inferred Uns32 (seconds or ms) from name'
    if default.isdigit():
        return ('uns16', 'inferred Uns16 from default') if int(default) <= 65535 else ('uns32', 'inferred Uns32 from default')
    return 'str:127', 'inferred string (no better type known)'

def row(xml, text, typ, choices, default, ua, group, note):
    if typ == 'choice' and default and default not in choices:
        choices = choices + [default]
    return [xml, text, typ, '/'.join(choices), default, ua or 'na', group, '1' if is_secret(xml) else '0', note]

# --- SPA2102 -------------------------------------------------------------------------------
PAGES = {
    'System Configuration': 'System', 'Miscellaneous Settings#40': 'System', 'Miscellaneous Settings#41': 'System', 'Miscellaneous Settings#42': 'System',
    'Internet Connection Settings': 'WAN_Setup', 'Static IP Settings': 'WAN_Setup', 'PPPoE Settings': 'WAN_Setup',
    'Optional Settings': 'WAN_Setup', 'MAC Clone Settings': 'WAN_Setup', 'QOS Settings': 'WAN_Setup',
    'VLAN Settings': 'WAN_Setup', 'Remote Management': 'WAN_Setup',
    'LAN Network Settings': 'LAN_Setup', 'DHCP Server Settings': 'LAN_Setup',
    'DMZ Settings': 'Application', 'Miscellaneous Settings#699': 'Application', 'System Reserved Ports Range': 'Application',
    'Configuration Profile': 'Provisioning', 'Firmware Upgrade': 'Provisioning', 'General Purpose Parameters': 'Provisioning',
    'SIP Parameters': 'SIP', 'SIP Timer Values (sec)': 'SIP', 'Response Status Code Handling': 'SIP',
    'RTP Parameters': 'SIP', 'SDP Payload Types': 'SIP', 'NAT Support Parameters': 'SIP',
}
USER_SECTIONS = {'Call Forward Settings', 'Selective Call Forward Settings', 'Speed Dial Settings',
                 'Supplementary Service Settings', 'Distinctive Ring Settings', 'Ring Settings'}
REGIONAL = {'Call Progress Tones', 'Distinctive Ring Patterns', 'Distinctive Call Waiting Tone Patterns',
            'Distinctive Ring/CWT Pattern Names', 'Ring and Call Waiting Tone Spec', 'Control Timer Values (sec)',
            'Vertical Service Activation Codes', 'Vertical Service Announcement Codes',
            'Outbound Call Codec Selection Codes', 'Miscellaneous'}

def group_of(idx, section, xml):
    if section == '(provisioner header)':
        section = {'Resync_Periodic': 'Configuration Profile', 'Profile_Rule': 'Configuration Profile'}.get(xml, 'Remote Management')
    if section == '' and 29 <= idx <= 32:
        section = 'DHCP Server Settings'
    if section == '' and xml.startswith('Line_Enable_'):
        section = 'General'
    if section == '' and xml == 'Protect_IVR_FactoryReset':
        section = 'Miscellaneous'
    m = re.search(r'_(\d)_$', xml)
    if section in REGIONAL:
        page = 'Regional'
    elif section in USER_SECTIONS and m:
        page = 'User_' + m.group(1)
    elif m and idx >= 172:
        page = 'Line_' + m.group(1)
    else:
        page = PAGES.get(section + '#' + str(idx)) or PAGES.get(section)
    if not page:
        return ''
    return page + '/' + to_xml(section)

def flag(note):
    return note and ('provisioner-edited' in note or '3600 - verify' in note)

rows2102 = []
for r in csv.DictReader(open(os.path.join(shared, 'spec/spa2102-parameters.csv'))):
    xml, idx = r['xml_name'], int(r['index'])
    default, note = r['default'], ''
    if xml in FACTORY:
        default, note = FACTORY[xml], 'factory default (source sample edited)'
    if re.match(r'(Register_Expires|Proxy_Fallback_Intvl)_\d_', xml):
        default, note = '3600', 'factory default 3600 (SPEC 14; PROV shows 120)'
    text = r['text_name'].replace(' *', '').strip()
    choices = [c for c in r['choices'].split('/')] if r['choices'] else []
    # the md joins choices with '/', so a choice list must be re-split carefully: SIP_Debug_Option has '|'
    typ, tnote = infer(xml, default, choices)
    ua = r['ua'] or 'na'
    if xml in ('Enable_WAN_Web_Server', 'WAN_Web_Server_Port'):
        ua = 'na'
        note = 'access as in the SPA3102 sample (provisioner added rw)'
    notes = '; '.join(x for x in (tnote, note, '' if text == r['text_name'] else 'text name inferred') if x)
    rows2102.append(row(xml, text, typ, choices, default, ua, group_of(idx, r['section'], xml), notes))

HEADER = '# xml\ttext\ttype\tchoices\tdefault\tua\tgroup\tsecret\tnote\n'

def esc(v):
    return v.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')

def write(model, pn, psn, basemodel, rows, comment, removed=()):
    with open(os.path.join(out, model + '.tsv'), 'w') as f:
        f.write('# spaprov parameter catalog, generated by spaprov-profile/catalog-gen/gen_catalogs.py; edit with care.\n')
        for c in comment:
            f.write('# ' + c + '\n')
        f.write('@model\t%s\n@product\t%s\n@series\t%s\n' % (model, pn, psn))
        if basemodel:
            f.write('@base\t%s\n' % basemodel)
        for x in removed:
            f.write('@remove\t%s\n' % x)
        f.write(HEADER)
        for r in rows:
            f.write('\t'.join(esc(c) for c in r) + '\n')
    print(model, len(rows), 'rows', len(removed), 'removed')

write('spa2102', 'SPA2102', '2102', None, rows2102,
      ['Source: SPEC spa2102-parameters.md (provisioner/Provisioner linksysata sample, SPC names from the',
       'interaxtelephony SPA3102 source); factory defaults where that table flags edited values.'])
names2102 = {r[0]: r for r in rows2102}

# --- SPA3102: SPA2102 + PSTN gateway parameters ---------------------------------------------
corpus = os.path.join(shared, 'corpus')
rows3102 = []
seen = set()
sec = ''
MISSPELT = {'SIP_TOS_DiffServ_Value_1_', 'RTP_TOS_DiffServ_Value_1_', 'RTP_COS_Value_1_', 'Set_Local_Date_mm_dd_',
            'Set_Local_Time_HH_mm_', 'SAS_Inbound_RTP_Slink_1_'}
# IAX plain text first (exact SPC names)
for line in open(os.path.join(corpus, 'spa3102-sample-profile.txt')):
    m = re.match(r'# \*\*\*\s*(.*?)\s*$', line)
    if m and m.group(1):
        sec = m.group(1)
    m = re.match(r'^([A-Za-z][^\s!?"]*)\s*([!?]?)\s*"([^"]*)"\s*;', line)
    if not m:
        continue
    text, mark, val = m.groups()
    xml = to_xml(text)
    if xml in names2102 or xml in seen:
        continue
    page = 'Regional' if sec in REGIONAL else ('Line_1' if re.search(r'_1_$', xml) else 'SIP')
    typ, tnote = infer(xml, val, [])
    rows3102.append(row(xml, text, typ, [], val, {'!': 'rw', '?': 'ro'}.get(mark, 'na'), page + '/' + to_xml(sec),
                        'SPA3102 5.1.10 sample; ' + tnote))
    seen.add(xml)
CHOICES_3102 = {
    'VoIP_Caller_Auth_Method': ['none', 'PIN', 'HTTP Digest'], 'PSTN_Caller_Auth_Method': ['none', 'PIN'],
    'Line_1_Signal_Hook_Flash_To_PSTN': ['Disabled', 'Hook Flash', 'Hook Flash In Line 1 Call'],
    'PSTN_Silence_Threshold': ['very low', 'low', 'medium', 'high', 'very high'],
}
for line in open(os.path.join(corpus, 'sipxecs-spa3102.cfg')):
    m = re.match(r'<!-- (.*) -->', line)
    if m:
        sec = m.group(1)
    m = re.match(r'<([A-Za-z_][\w.\-]*)( ua="(\w+)")?>(.*)</', line)
    if not m:
        continue
    xml, ua, val = m.group(1), m.group(3), cap_bool(m.group(4))
    if xml in names2102 or xml in seen or xml in MISSPELT:
        continue
    b = base(xml)
    choices = CHOICES_3102.get(b, [])
    if re.search(r'_DP$', b):
        choices = [str(i) for i in range(1, 9)] + (['none'] if val == 'none' or 'Fallback' in b else [])
    if b in ('International_Control',) or sec == 'International_Control':
        typ, tnote = ('str:63', 'inferred: International Control choice list unknown; sipXconfig value kept')
        if val in ('Yes', 'No'):
            typ, tnote = 'bool', 'inferred bool from default'
        elif val.isdigit():
            typ, tnote = 'uns16', 'inferred Uns16 from default'
    elif b == 'PSTN_Dial_Digit_Len':
        typ, tnote = 'str:15', 'inferred: on/off time pair'
    elif choices:
        typ, tnote = 'choice', 'choices inferred'
    else:
        typ, tnote = infer(xml, val, [])
    if b.endswith('_NAT_Mapping_Enable') and val == '':
        val = 'No'
    sect = sec.replace('FXO_Timer_Values__sec', 'FXO_Timer_Values__sec_')
    page = 'SIP' if sect in ('SIP_Parameters', 'SIP_Timer_Values__sec_', 'RTP_Parameters') else 'PSTN_Line'
    text = re.sub(r'_(\d)_$', r'[\1]', xml)
    rows3102.append(row(xml, text, typ, choices, val, ua, page + '/' + sect,
                        'sipxecs-spa3102 fixture (SPA3102 5.1.7 GW); default from that file; ' + tnote))
    seen.add(xml)
write('spa3102', 'SPA3102', '3102', 'spa2102', rows3102,
      ['SPA3102 = SPA2102 + the PSTN-gateway parameters of the SPA3102 5.1.10(GW) SPC sample and the',
       'sipXconfig SPA3102 fixture (defaults from those files, which may not be factory values).'])

# --- SPA8000: SPA2102 + 5.1.9 SIP extras + lines 3..8 (inferred) ----------------------------
SIP_EXTRA = [r for r in rows3102 if r[6].startswith('SIP/')]
rows8000 = list(SIP_EXTRA)
for n in range(3, 9):
    for r in rows2102:
        m = re.search(r'_2_$', r[0])
        if not m or not (r[6].startswith('Line_2/') or r[6].startswith('User_2/')):
            continue
        xml = r[0][:-3] + '_%d_' % n
        text = r[1].replace('[2]', '[%d]' % n)
        default = str(5059 + n) if xml.startswith('SIP_Port_') else r[4]
        rows8000.append([xml, text, r[2], r[3], default, r[5], r[6].replace('_2/', '_%d/' % n), r[7],
                         'inferred: line %d copied from line 2 (SPA8000 has 8 FXS lines)' % n])
write('spa8000', 'SPA8000', '8000', 'spa2102', rows8000,
      ['SPA8000 = SPA2102 + the SIP extras of the sipXconfig 5.1.9 fixtures + lines/users 3..8, inferred',
       'from lines 2 (the SPA8000 has 8 FXS ports; the corpus fixture only shows line 1).'])

# --- PAP2T: SPA2102 without the router pages (inferred) -------------------------------------
ROUTER_ONLY = [r[0] for r in rows2102 if r[6].split('/')[0] in ('LAN_Setup', 'Application')
               or r[6] in ('WAN_Setup/MAC_Clone_Settings', 'WAN_Setup/QOS_Settings', 'WAN_Setup/Remote_Management')
               or r[0] in ('Networking_Service', 'Auto_NetService_Private_IP_Ranges')]
write('pap2t', 'PAP2T', 'PAP2T', 'spa2102', [], [
    'PAP2T = SPA2102 without the router pages (inferred: the PAP2T is a 2-port ATA without a router;',
    'the provisioner linksysata family template lists it with the SPA2102).'], ROUTER_ONLY)

# --- SPA942: the sipXconfig SPA942 fixture ---------------------------------------------------
def norm_group(g):
    parts = g.split('/')
    if len(parts) == 1:
        parts = ['SIP', parts[0]]
    if len(parts) == 3:
        parts = [parts[1], parts[2]]
    page, sect = parts
    page = re.sub(r'^\w+_(\d)$', r'Ext_\1', page)
    page = page[0].upper() + page[1:]
    sect = sect.replace('Foward', 'Forward').replace('Setings', 'Settings')
    return page + '/' + sect

rows942 = []
seen = set()
for m in re.finditer(r'<([A-Za-z_][\w.\-]*) group="([^"]*)"(?:/>|>([^<]*)</\1>)', open(os.path.join(corpus, 'sipxecs-spa942.cfg')).read()):
    xml, g, val = m.group(1), m.group(2), cap_bool(m.group(3) or '')
    if xml in seen:
        continue
    seen.add(xml)
    if xml in MISSPELT:
        xml = {'Set_Local_Date_mm_dd_': 'Set_Local_Date__mm_dd_', 'Set_Local_Time_HH_mm_': 'Set_Local_Time__HH_mm_'}.get(xml)
        if not xml:
            continue
    if xml in names2102:
        r = names2102[xml]
        rows942.append([xml, r[1], r[2], r[3], r[4], 'na', norm_group(g), r[7], 'as SPA2102; ' + r[8]])
        continue
    typ, tnote = infer(xml, val, [])
    choices = []
    if re.fullmatch(r'Ring\d+', xml):
        typ, tnote = 'str:255', 'inferred: ring tone script (n=...;w=...)'
    elif re.fullmatch(r'Extension_\d_', xml):
        typ, choices, tnote = 'choice', ['1', '2', '3', '4', 'Disabled'], 'inferred: line key extension 1-4 or Disabled'
    elif xml == 'Voice_Mail_Number':
        typ, tnote = 'phone', 'inferred Phone from name'
    elif xml == 'Back_Light_Timer':
        typ, tnote = 'str:31', 'inferred: a duration with units (10 s, Always On)'
    text = re.sub(r'_(\d)_$', r'[\1]', xml)
    rows942.append(row(xml, text, typ, choices, val, 'na', norm_group(g),
                       'sipxecs-spa942 fixture; default from that file; ' + tnote))
write('spa942', 'SPA942', '942', None, rows942,
      ['SPA942: the parameter set of the sipXconfig SPA942 fixture (legacy-sipxecs). Names shared with',
       'the SPA2102 take its type and default; the others take the fixture value as default.'])

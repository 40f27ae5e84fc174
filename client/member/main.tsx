import { mount } from '../ui/mount.tsx';
import { MemberApp } from './MemberApp.tsx';
import './member.css';

mount('member', (conn) => <MemberApp conn={conn} />);
